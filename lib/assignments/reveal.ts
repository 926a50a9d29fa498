/**
 * Reveal after posting, the arithmetic (pure): which readings of an assignment are still locked for
 * a student, from how many of their own annotations they posted in each reading. With "in each
 * reading" each reading unlocks on its own once it holds `required`; otherwise all unlock together
 * once the total does. `required` is the assignment's minimum annotations, at least 1.
 */
export function lockedReadings(
  posted: readonly number[],
  required: number,
  inEachReading: boolean,
): boolean[] {
  const threshold = Math.max(1, required);
  const total = posted.reduce((sum, n) => sum + n, 0);
  return posted.map((n) => (inEachReading ? n < threshold : total < threshold));
}
