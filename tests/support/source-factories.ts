import { draftFromPlainText } from "@/lib/sources/draft-from-plain-text";
import type { SourceFields } from "@/lib/sources/new-source-schema";
import { uniqueKey } from "./factories";

/** The metadata of a source to add, with a unique title unless one is given. */
export function sourceFields(overrides: Partial<SourceFields> = {}): Record<keyof SourceFields, string> {
  const key = uniqueKey();
  return {
    titlePl: `Protokół narady ${key}`,
    titleEn: `Minutes of a meeting ${key}`,
    aboutPl: "",
    aboutEn: "",
    kind: "primary",
    language: "pl",
    date: "1939-09-20",
    placePl: "Lwów",
    placeEn: "Lviv",
    issuerPl: "",
    issuerEn: "",
    publicationPl: "",
    publicationEn: "",
    licencePl: "",
    licenceEn: "",
    ...overrides,
  };
}

/** What `createSource` takes for a pasted `text`, cut as the preview first shows it. */
export function newSourceInput(text: string, overrides: Partial<SourceFields> = {}) {
  return { ...sourceFields(overrides), draft: draftFromPlainText(text, false) };
}
