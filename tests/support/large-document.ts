import { readFileSync } from "node:fs";
import path from "node:path";
import type { TextRange } from "@/lib/anchoring/selectors";
import { segmentSentences } from "@/lib/sources/segment-sentences";
import { seededRandom, type SeededRandom } from "../bench/seeded-random.ts";

/**
 * A large document built deterministically from a seed out of the five sources' sentences (Polish
 * originals and English translations): each generated sentence is a source sentence with up to three
 * words swapped for other words of the corpus, or an exact repeat of an earlier one, so the text is
 * full of repeated and near-repeated sentences, the hard case for anchoring. Paragraphs of 4–12
 * sentences. Knowing every sentence's range, it can apply edits and say where any range went.
 */
export interface LargeDocument {
  text: string;
  /** Every sentence's range, in order; the text between two is their separator (a space or a paragraph break). */
  sentences: TextRange[];
}

const SOURCES = ["pact-summary", "secret-protocol", "soviet-note", "moscicki-address", "kuty-directive"];
/** Share of generated sentences that repeat an earlier one exactly. */
const REPEAT_SHARE = 0.25;

function corpus() {
  const sentences: string[] = [];
  for (const slug of SOURCES) {
    for (const file of ["text.pl.txt", "translation.en.txt"]) {
      const text = readFileSync(
        path.resolve(import.meta.dirname, "../../sources", slug, file),
        "utf8",
      ).trim();
      for (const { start, end } of segmentSentences(text)) {
        const sentence = text.slice(start, end).replace(/\s+/g, " ");
        if (sentence.length >= 20) sentences.push(sentence);
      }
    }
  }
  const words = [...new Set(sentences.join(" ").split(" "))].filter((w) => /^\p{L}{3,}$/u.test(w));
  return { sentences, words };
}

let cachedCorpus: ReturnType<typeof corpus> | null = null;

/** A new sentence: a corpus sentence with `swaps` words replaced by others from the corpus. */
export function generateSentence(random: SeededRandom, swaps = random.int(0, 3)): string {
  cachedCorpus ??= corpus();
  const words = random.pick(cachedCorpus.sentences).split(" ");
  for (let i = 0; i < swaps; i++) {
    const at = random.int(0, words.length - 1);
    if (/^\p{L}{3,}$/u.test(words[at]!)) words[at] = random.pick(cachedCorpus.words);
  }
  return words.join(" ");
}

/** The document of at least `minLength` characters generated from `seed` (the same on every run). */
export function largeDocument(seed = 1939, minLength = 500_000): LargeDocument {
  const random = seededRandom(seed);
  const generated: string[] = [];
  const sentences: TextRange[] = [];
  let text = "";
  let untilBreak = random.int(4, 12);
  while (text.length < minLength) {
    let sentence =
      generated.length > 0 && random.chance(REPEAT_SHARE) ? random.pick(generated) : generateSentence(random);
    // Two equal sentences side by side make "which one was deleted" a matter of taste; avoid it.
    while (sentence === generated.at(-1)) sentence = generateSentence(random);
    if (sentences.length > 0) {
      untilBreak -= 1;
      text += untilBreak === 0 ? "\n\n" : " ";
      if (untilBreak === 0) untilBreak = random.int(4, 12);
    }
    sentences.push({ start: text.length, end: text.length + sentence.length });
    generated.push(sentence);
    text += sentence;
  }
  return { text, sentences };
}

/** Edits to a document's sentences, by index; at most one edit per sentence. */
export type SentenceEdit =
  | { kind: "insert"; before: number; text: string }
  | { kind: "delete"; sentence: number }
  /** Characters replaced (same length) at offsets inside the sentence. */
  | { kind: "typo"; sentence: number; offsets: number[] }
  | { kind: "rewrite"; sentence: number; text: string }
  | { kind: "move"; sentence: number; before: number };

/** Where a range of the old text is in the revised one, as the generator knows it. */
export type TrueRange = { status: "kept"; start: number; end: number; typo: boolean } | { status: "gone" };

export interface Revision {
  text: string;
  /** Where [start, end) of the old text (inside one sentence) went: kept (perhaps with a typo inside) or gone. */
  whereIs(range: TextRange): TrueRange;
}

/** A letter that differs from `letter`, for typos. */
function otherLetter(letter: string): string {
  return letter === "e" ? "a" : "e";
}

/** Applies sentence edits to a document and returns the new text with the ground truth for any range. */
export function revise(document: LargeDocument, edits: readonly SentenceEdit[]): Revision {
  const { text, sentences } = document;
  const insertsBefore = new Map<number, string[]>();
  const changed = new Map<number, SentenceEdit>();
  for (const edit of edits) {
    if (edit.kind === "insert") {
      insertsBefore.set(edit.before, [...(insertsBefore.get(edit.before) ?? []), edit.text]);
    } else {
      changed.set(edit.sentence, edit);
      if (edit.kind === "move") {
        insertsBefore.set(edit.before, [...(insertsBefore.get(edit.before) ?? []), `\u0000${edit.sentence}`]);
      }
    }
  }
  const newStart = new Map<number, number>();
  const typoOffsets = new Map<number, number[]>();
  let out = "";
  const emit = (index: number, sentence: string, separator: string) => {
    newStart.set(index, out.length);
    out += sentence + separator;
  };
  for (let i = 0; i < sentences.length; i++) {
    const { start, end } = sentences[i]!;
    const separator = i + 1 < sentences.length ? text.slice(end, sentences[i + 1]!.start) : "";
    for (const inserted of insertsBefore.get(i) ?? []) {
      if (inserted.startsWith("\u0000")) {
        const moved = Number(inserted.slice(1));
        emit(moved, text.slice(sentences[moved]!.start, sentences[moved]!.end), " ");
      } else {
        out += `${inserted} `;
      }
    }
    const edit = changed.get(i);
    const sentence = text.slice(start, end);
    if (edit?.kind === "delete" || edit?.kind === "move") {
      // The separator after a deleted last sentence would be left dangling; drop the one before it.
      if (i + 1 === sentences.length) out = out.trimEnd();
      continue;
    }
    if (edit?.kind === "rewrite") {
      out += edit.text + separator;
      continue;
    }
    if (edit?.kind === "typo") {
      const letters = sentence.split("");
      for (const at of edit.offsets) letters[at] = otherLetter(letters[at]!);
      typoOffsets.set(i, edit.offsets);
      emit(i, letters.join(""), separator);
      continue;
    }
    emit(i, sentence, separator);
  }
  return {
    text: out,
    whereIs({ start, end }) {
      const index = sentenceAt(sentences, start);
      const at = newStart.get(index);
      if (at === undefined) return { status: "gone" };
      const offset = start - sentences[index]!.start;
      const length = end - start;
      const typo = (typoOffsets.get(index) ?? []).some((o) => o >= offset && o < offset + length);
      return { status: "kept", start: at + offset, end: at + offset + length, typo };
    },
  };
}

/** Index of the sentence containing `offset` (binary search over sorted ranges). */
export function sentenceAt(sentences: readonly TextRange[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sentences[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * A range an annotation could cover inside sentence `index`: the whole sentence (a third of the time)
 * or a run of 1–8 whole words of it.
 */
export function pickRange(document: LargeDocument, index: number, random: SeededRandom): TextRange {
  const sentence = document.sentences[index]!;
  if (random.chance(1 / 3)) return { ...sentence };
  const words: TextRange[] = [];
  const text = document.text.slice(sentence.start, sentence.end);
  for (const match of text.matchAll(/\S+/g)) {
    words.push({ start: sentence.start + match.index, end: sentence.start + match.index + match[0].length });
  }
  const first = random.int(0, words.length - 1);
  const last = Math.min(words.length - 1, first + random.int(0, 7));
  return { start: words[first]!.start, end: words[last]!.end };
}

export { seededRandom };
