import type { ExportFormat } from "./export-formats.ts";

/**
 * The state of an export downloading in the page (a fetch reading the stream), for its progress
 * line: a pure reducer, so the counting is tested without a browser. Annotations are counted in
 * JSON-LD only, by the `"type":"Annotation"` each item carries (inside a string JSON escapes the
 * quotes, so a note's text cannot fake one); a marker split between two chunks is found by keeping
 * the end of the last chunk.
 */
export type DownloadState =
  | { status: "idle" }
  | { status: "running" | "done"; format: ExportFormat; bytes: number; annotations: number; tail: string }
  | { status: "failed"; format: ExportFormat };

export type DownloadAction =
  | { type: "started"; format: ExportFormat }
  | { type: "received"; bytes: number; text: string }
  | { type: "finished" }
  | { type: "failed" };

const MARKER = '"type":"Annotation"';

export function downloadReducer(state: DownloadState, action: DownloadAction): DownloadState {
  switch (action.type) {
    case "started":
      return { status: "running", format: action.format, bytes: 0, annotations: 0, tail: "" };
    case "received": {
      if (state.status !== "running") return state;
      if (state.format !== "jsonld") return { ...state, bytes: state.bytes + action.bytes };
      const text = state.tail + action.text;
      return {
        ...state,
        bytes: state.bytes + action.bytes,
        annotations: state.annotations + (text.split(MARKER).length - 1),
        tail: text.slice(-(MARKER.length - 1)),
      };
    }
    case "finished":
      return state.status === "running" ? { ...state, status: "done", tail: "" } : state;
    case "failed":
      return state.status === "running" ? { status: "failed", format: state.format } : state;
  }
}

/** The file name a response's Content-Disposition gives (`attachment; filename="…"`), else `fallback`. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="([^"]+)"/u);
  return match?.[1] ?? fallback;
}
