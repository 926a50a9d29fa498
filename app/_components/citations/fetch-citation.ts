import type { TextRange } from "@/lib/anchoring/selectors";
import type { PassageCitation } from "@/lib/citations/cite-passage";
import type { Locale } from "@/lib/sources/types";

/** A passage of one edition of a source, as the cite dialog asks for it. */
export interface CitedRange extends TextRange {
  source: string;
  editionNumber: number;
}

/**
 * A refused citation: the HTTP status, the error's code and message key (under "errors") from the
 * answer, and for RATE_LIMITED (429) the seconds to wait from its Retry-After header.
 */
export class CitationError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
    this.name = "CitationError";
  }
}

/** Seconds to wait from a Retry-After header (seconds, or an HTTP date), or null. */
function retryAfterOf(response: Response): number | null {
  const header = response.headers.get("Retry-After");
  if (!header) return null;
  const seconds = /^\d+$/u.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

/**
 * The passage's quotation, locator, permalink and citations in every style (POST /api/citations),
 * in the interface language `locale`. Anyone may ask, signed in or not, within a rate limit. Rejects
 * on any failure; a refusal by the server is a CitationError.
 */
export async function fetchCitation(
  passage: CitedRange,
  locale: Locale,
  signal?: AbortSignal,
): Promise<PassageCitation> {
  const response = await fetch(`/api/citations?locale=${locale}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(passage),
    credentials: "same-origin",
    cache: "no-store",
    signal,
  });
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => null);
    const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new CitationError(
      response.status,
      typeof error?.code === "string" ? error.code : "INTERNAL",
      typeof error?.message === "string" ? error.message : `POST /api/citations answered ${response.status}`,
      retryAfterOf(response),
    );
  }
  return (await response.json()) as PassageCitation;
}
