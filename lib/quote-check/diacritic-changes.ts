import { foldCharacter, normaliseText } from "./normalise-text.ts";
import type { DiacriticChange } from "./types.ts";

/**
 * The letters in which `quoted` differs from `source` by diacritics, each pair once, in order: "S" for
 * "Ś" and "l" for "ł" in "Rydz-Smigly" against "Rydz- Śmigły". Both are normalised first (so spacing
 * and typographic forms do not count). Empty if the two differ in anything else than diacritics and
 * case, or not in diacritics at all; a change of case alone ("r" for "R") is not named.
 */
export function diacriticChanges(quoted: string, source: string): DiacriticChange[] {
  const q = [...normaliseText(quoted).text];
  const s = [...normaliseText(source).text];
  if (q.length !== s.length) return [];
  const changes: DiacriticChange[] = [];
  for (let i = 0; i < q.length; i++) {
    const [a, b] = [q[i]!, s[i]!];
    if (foldCharacter(a) !== foldCharacter(b)) return [];
    if (a.toLowerCase() === b.toLowerCase()) continue;
    if (!changes.some((change) => change.quoted === a && change.source === b)) {
      changes.push({ quoted: a, source: b });
    }
  }
  return changes;
}
