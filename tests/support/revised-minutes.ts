/**
 * A short group source and its revision, shared by the tests of revising and comparing editions:
 * four sentences of minutes; the revision corrects the typo "sie" in the first and deletes the second.
 */
export const MINUTES = [
  "Narada odbyła sie we Lwowie w budynku urzędu wojewódzkiego.",
  "Wojewoda przedstawił raport o stanie dróg prowadzących ku granicy.",
  "Ustalono plan ewakuacji urzędów państwowych na południe kraju.",
  "Zebrani rozeszli się o północy, nie podjąwszy dalszych decyzji.",
];
export const MINUTES_TEXT = MINUTES.join(" ");
/** The typo in the first sentence corrected, the second sentence deleted. */
export const MINUTES_REVISED = [MINUTES[0]!.replace("sie", "się"), MINUTES[2], MINUTES[3]].join(" ");
