/**
 * Whether live changes lead on from the shared state `state` of an index held: they start there, or
 * pass through it (`via`). Changes sent live only add or change threads (one gone is told as a
 * version alone), so those from an earlier state, applied to an index in a state they pass, replace
 * each thread it already holds with the same or a newer one and give the same index as from `from`.
 */
export function leadsOnFrom(
  changes: { from: string; via?: readonly string[] },
  state: string | undefined,
): boolean {
  return state !== undefined && (changes.from === state || (changes.via?.includes(state) ?? false));
}
