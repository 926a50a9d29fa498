import { NotFoundError } from "@/lib/http/errors";
import { CITE_TYPE } from "./dts-vocabulary.ts";

/** A sentence as a DTS `CitableUnit`: one level, no parent, its number as its identifier. */
export function citableUnit(number: number) {
  return { identifier: String(number), "@type": "CitableUnit", level: 1, parent: null, citeType: CITE_TYPE };
}

/**
 * The sentence numbers `ref` or `start`..`end` name in an edition of `sentenceCount` sentences
 * (numbered 1 to sentenceCount), each checked: one the edition lacks is NOT_FOUND ("dtsRefNotFound"),
 * as DTS asks. Undefined when neither was given (the whole resource).
 */
export function selectSentences(
  query: { ref?: number; start?: number; end?: number },
  sentenceCount: number,
): { first: number; last: number } | undefined {
  const first = query.ref ?? query.start;
  const last = query.ref ?? query.end;
  if (first === undefined || last === undefined) return undefined;
  if (last > sentenceCount) throw new NotFoundError("dtsRefNotFound");
  return { first, last };
}
