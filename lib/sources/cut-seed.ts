/**
 * Cuts the seed text into the built-in sources. Pure: strings in, values out.
 *
 * Each source starts at a known phrase and runs to the character before the next source's phrase,
 * without the single separating space, so joining the bodies with one space gives the seed back
 * byte for byte.
 */
export interface SeedCut {
  slug: string;
  startsWith: string;
}

export const SEED_CUTS: readonly SeedCut[] = [
  { slug: "pact-summary", startsWith: "23 sierpnia 1939 roku minister" },
  { slug: "secret-protocol", startsWith: "W myśl paktu kraje bałtyckie" },
  { slug: "soviet-note", startsWith: "Oficjalny pretekst agresji ZSRR" },
  { slug: "moscicki-address", startsWith: "Rząd II Rzeczypospolitej opuścił" },
  { slug: "kuty-directive", startsWith: "Marszałek Edward Rydz- Śmigły wydał" },
];

export interface SeedSection {
  slug: string;
  start: number;
  end: number;
  body: string;
}

export function cutSeed(seed: string, cuts: readonly SeedCut[] = SEED_CUTS): SeedSection[] {
  const starts = cuts.map((cut) => {
    const at = seed.indexOf(cut.startsWith);
    if (at < 0) throw new Error(`The seed text has no section starting with "${cut.startsWith}"`);
    return at;
  });
  return cuts.map((cut, k) => {
    const start = starts[k]!;
    const next = starts[k + 1];
    let end = next === undefined ? seed.length : next;
    if (next !== undefined) {
      if (next <= start || seed[next - 1] !== " ") {
        throw new Error(`The section "${cut.slug}" is not followed by one separating space`);
      }
      end = next - 1;
    }
    return { slug: cut.slug, start, end, body: seed.slice(start, end) };
  });
}
