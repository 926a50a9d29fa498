/**
 * Reading tags typed into the tag field: commas (or new lines, from a paste) separate them. Pure, so
 * the composer and the edit form accept tags the same way and a test can pin the rules down.
 */
import { MAX_TAG_LENGTH, MAX_TAGS } from "@/lib/annotations/types";

export type TagProblem = "tagTooLong" | "tooManyTags";

/** The tags in typed text: split at commas and line breaks, spaces tidied, empty pieces dropped. */
export function splitTagText(text: string): string[] {
  return text
    .split(/[,\n\r]/)
    .map((piece) => piece.replace(/\s+/g, " ").trim())
    .filter((piece) => piece !== "");
}

/**
 * Adds the tags in `text` to `tags`. A tag already there (in any letter case) is skipped; one that is
 * too long, or beyond the limit of tags, is not added but stays in `rest` (the text left in the field)
 * so the writer can fix it, and `problem` says why (an errors message key).
 */
export function addTags(
  tags: string[],
  text: string,
): { tags: string[]; rest: string; problem: TagProblem | null } {
  const result = [...tags];
  const refused: string[] = [];
  let problem: TagProblem | null = null;
  for (const tag of splitTagText(text)) {
    if (result.some((known) => known.toLocaleLowerCase() === tag.toLocaleLowerCase())) continue;
    if (tag.length > MAX_TAG_LENGTH) {
      problem ??= "tagTooLong";
      refused.push(tag);
    } else if (result.length >= MAX_TAGS) {
      problem ??= "tooManyTags";
      refused.push(tag);
    } else {
      result.push(tag);
    }
  }
  return { tags: result, rest: refused.join(", "), problem };
}
