/**
 * @mention completion in the note editor, the pure part: what is being typed after "@", and which of
 * the group's members it names. Strings in, values out; the editor (mention-completion.ts) asks it on
 * every change of the text or the cursor.
 */
import type { Mentionable } from "@/lib/notifications/mentions";

/** Most names offered at once: a short list to move through with the arrow keys. */
export const MAX_MENTION_OPTIONS = 8;

/**
 * The longest query looked at after "@": a full name with a space or two ("Anna Maria Kowalska")
 * fits, a whole sentence after an "@" does not keep the list open.
 */
const MAX_QUERY_LENGTH = 40;

/**
 * "@" at the start or after a character that is not part of a word (as findMentions reads it: an
 * "@" inside a word, an email address, mentions nobody), then a letter, then letters, digits,
 * spaces, hyphens, apostrophes or dots, up to the cursor.
 */
const QUERY = /(?:^|[^\p{L}\p{N}_])@(\p{L}[\p{L}\p{N}\p{M} '’.-]*)$/u;

/** What is being typed after "@" just before the cursor (`textBefore`: its block's text up to it), or null. */
export function mentionQuery(textBefore: string): string | null {
  const match = QUERY.exec(textBefore.slice(-(MAX_QUERY_LENGTH + 2)));
  if (!match) return null;
  const query = match[1]!;
  return query.length > MAX_QUERY_LENGTH || /\s\s/u.test(query) ? null : query;
}

const fold = (text: string) => text.normalize("NFC").toLocaleLowerCase();

/**
 * The members whose name starts with `query`, or one of whose later words does ("kow" finds "Anna
 * Kowalska"), compared without regard to case: those whose whole name starts with it first, each
 * part by name as `locale` sorts; at most MAX_MENTION_OPTIONS.
 */
export function matchingMembers(
  members: readonly Mentionable[],
  query: string,
  locale: string,
): Mentionable[] {
  const wanted = fold(query);
  const byName = (a: Mentionable, b: Mentionable) => a.name.localeCompare(b.name, locale);
  const starts: Mentionable[] = [];
  const inside: Mentionable[] = [];
  for (const member of members) {
    const name = fold(member.name.trim());
    if (name.length === 0) continue;
    if (name.startsWith(wanted)) starts.push(member);
    else if (laterWords(name).some((at) => name.startsWith(wanted, at))) inside.push(member);
  }
  return [...starts.sort(byName), ...inside.sort(byName)].slice(0, MAX_MENTION_OPTIONS);
}

/** Where each word of `name` after the first starts. */
function laterWords(name: string): number[] {
  return [...name.matchAll(/\s+(?=\S)/gu)].map((match) => match.index + match[0].length);
}
