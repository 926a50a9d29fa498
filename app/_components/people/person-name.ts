/**
 * The name a person is shown under: their name, or a classmate's pseudonym on an anonymous
 * assignment ("Student 7" / "Osoba 7") in the reader's language. `t` is the "people" translator.
 */
export function personName(
  person: { name: string; pseudonym?: number },
  t: (key: "pseudonym", values: { number: number }) => string,
): string {
  return person.pseudonym === undefined ? person.name : t("pseudonym", { number: person.pseudonym });
}
