"use client";

import { useTranslations } from "next-intl";
import { useReducer, type MouseEvent } from "react";
import { attachmentName, downloadReducer } from "@/lib/export/download-progress";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/export-formats";
import styles from "./export-section.module.css";

/**
 * The export's download links, one per format. Each is a plain link that downloads without
 * JavaScript; with it, the page fetches the file itself and reads the stream, saying as it comes how
 * much has arrived (and, for JSON-LD, how many annotations), then hands the file over to save.
 */
export function ExportDownloads({ path, locale }: { path: string; locale: string }) {
  const t = useTranslations("export.ui");
  const [state, dispatch] = useReducer(downloadReducer, { status: "idle" });
  const hrefOf = (format: ExportFormat) => `${path}?${new URLSearchParams({ format, locale })}`;

  async function download(event: MouseEvent<HTMLAnchorElement>, format: ExportFormat) {
    if (typeof ReadableStream === "undefined" || typeof URL.createObjectURL !== "function") return;
    event.preventDefault();
    if (state.status === "running") return;
    dispatch({ type: "started", format });
    try {
      const response = await fetch(hrefOf(format), { credentials: "same-origin" });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        dispatch({
          type: "received",
          bytes: value.byteLength,
          text: decoder.decode(value, { stream: true }),
        });
      }
      const file = new Blob(chunks, {
        type: response.headers.get("content-type") ?? "application/octet-stream",
      });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = attachmentName(response.headers.get("content-disposition"), `export.${format}`);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      dispatch({ type: "finished" });
    } catch {
      dispatch({ type: "failed" });
    }
  }

  const size = (bytes: number) => t("kilobytes", { value: Math.max(1, Math.round(bytes / 1024)) });
  let progress = "";
  if (state.status === "running" || state.status === "done") {
    const counted = state.format === "jsonld";
    const key =
      state.status === "running"
        ? counted
          ? "runningAnnotations"
          : "running"
        : counted
          ? "doneAnnotations"
          : "done";
    progress = t(key, { count: state.annotations, size: size(state.bytes) });
  } else if (state.status === "failed") {
    progress = t("failed");
  }

  return (
    <>
      <p id="export-formats" className={styles.label}>
        {t("formatsLabel")}
      </p>
      <ul className={styles.formats} aria-labelledby="export-formats">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a
              href={hrefOf(format)}
              download
              onClick={(event) => void download(event, format)}
              aria-disabled={state.status === "running" || undefined}
            >
              {t(format)}
            </a>
          </li>
        ))}
      </ul>
      <p role="status" className={styles.progress}>
        {progress}
      </p>
    </>
  );
}
