import type { TextRange } from "@/lib/anchoring/selectors";
import type { PassageCitation } from "@/lib/citations/cite-passage";
import type { Locale } from "@/lib/sources/types";

/** A passage of one edition of a source, as the cite dialog asks for it. */
export interface CitedRange extends TextRange {
  source: string;
  editionNumber: number;
}

/**
 * The passage's quotation, locator, permalink and citations in every style (POST /api/citations),
 * in the interface language `locale`. Anyone may ask, signed in or not. Rejects on any failure.
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
  if (!response.ok) throw new Error(`POST /api/citations answered ${response.status}`);
  return (await response.json()) as PassageCitation;
}
