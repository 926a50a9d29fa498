import { generateSentence, type LargeDocument, type SentenceEdit } from "../support/large-document.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** `count` edits on distinct sentences at least 3 apart: inserted, deleted, typos, rewritten, moved. */
export function scatteredEdits(document: LargeDocument, random: SeededRandom, count: number): SentenceEdit[] {
  const used = new Set<number>();
  const edits: SentenceEdit[] = [];
  const last = document.sentences.length - 1;
  while (edits.length < count) {
    const sentence = random.int(1, last - 1);
    if ([-2, -1, 0, 1, 2].some((d) => used.has(sentence + d))) continue;
    used.add(sentence);
    const kind = random.pick(["insert", "delete", "typo", "typo", "rewrite", "move"] as const);
    if (kind === "insert") edits.push({ kind, before: sentence, text: generateSentence(random) });
    if (kind === "delete") edits.push({ kind, sentence });
    if (kind === "rewrite") edits.push({ kind, sentence, text: generateSentence(random) });
    if (kind === "typo") {
      const length = document.sentences[sentence]!.end - document.sentences[sentence]!.start;
      const offsets = [random.int(0, length - 1), random.int(0, length - 1)].filter((at) =>
        /\p{L}/u.test(document.text[document.sentences[sentence]!.start + at]!),
      );
      edits.push({ kind, sentence, offsets });
    }
    if (kind === "move") {
      let before = random.int(1, last);
      while ([-2, -1, 0, 1, 2].some((d) => used.has(before + d))) before = random.int(1, last);
      used.add(before);
      edits.push({ kind, sentence, before });
    }
  }
  return edits;
}
