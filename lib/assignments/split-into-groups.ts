/**
 * Splits `students` into discussion groups of at least `size` (when there are that many), their
 * sizes within one of each other: floor(n / size) groups, so nobody is left alone in a group of
 * one, the remainder spread one each over the first groups. `random(k)` gives an integer in [0, k)
 * (a Fisher-Yates shuffle first); pure, so it is tested with a fixed sequence.
 */
export function splitIntoGroups<T>(
  students: readonly T[],
  size: number,
  random: (below: number) => number,
): T[][] {
  const shuffled = [...students];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  if (shuffled.length === 0) return [];
  const count = Math.max(1, Math.floor(shuffled.length / Math.max(1, size)));
  const groups: T[][] = Array.from({ length: count }, () => []);
  shuffled.forEach((student, i) => groups[i % count]!.push(student));
  return groups;
}
