/**
 * @mentions in a note's plain text. Pure: a text and the group's members in, the ids of the members
 * mentioned out.
 *
 * A mention is "@" followed by a member's name as it is shown (case and accents as typed, compared
 * case-insensitively), ending where the text ends or at a character that is not a letter or digit:
 * "@Anna Kowalska," mentions Anna Kowalska. When names overlap ("Anna" and "Anna Kowalska"), the
 * longest that fits wins. An "@" inside a word (an email address) mentions nobody.
 */
export interface Mentionable {
  id: string;
  name: string;
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

export function findMentions(text: string, members: readonly Mentionable[]): string[] {
  const candidates = members
    .map((m) => ({ id: m.id, name: m.name.trim().toLocaleLowerCase() }))
    .filter((m) => m.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const lower = text.toLocaleLowerCase();
  const found = new Set<string>();
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    if (at > 0 && WORD_CHARACTER.test(lower[at - 1]!)) continue;
    const rest = lower.slice(at + 1);
    const match = candidates.find(
      (m) => rest.startsWith(m.name) && !WORD_CHARACTER.test(rest.charAt(m.name.length)),
    );
    if (match) found.add(match.id);
  }
  return [...found];
}

/** The first words of a text for a notification: whitespace folded, at most `max` characters. */
export function summaryOf(text: string, max = SUMMARY_LENGTH): string {
  const folded = text.replace(/\s+/g, " ").trim();
  return folded.length <= max ? folded : `${folded.slice(0, max - 1).trimEnd()}…`;
}

/** Long enough to recognise a reply in a list or an email subject line, short enough for one line. */
const SUMMARY_LENGTH = 140;
