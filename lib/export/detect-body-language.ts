import { francAll } from "franc-min";

/**
 * The languages a seminar on Central European sources writes its notes in, among those franc-min
 * knows (ISO 639-3), with the BCP 47 tag a TextualBody's `language` takes.
 */
const LANGUAGES: Record<string, string> = {
  pol: "pl",
  eng: "en",
  deu: "de",
  ukr: "uk",
  rus: "ru",
  bel: "be",
  ces: "cs",
  fra: "fr",
  ita: "it",
  spa: "es",
};

/** Shorter texts (in letters) say too little: "Zob. s. 12" is no language. */
const MIN_LETTERS = 20;
/** How much of a note is read to tell its language. */
const SAMPLE_CHARACTERS = 2_000;
/** The runner-up's score (the best's is 1) above which the text could as well be in either. */
const MAX_RUNNER_UP = 0.9;

/**
 * The language a note's text is written in (a BCP 47 tag), by franc's trigram statistics, or
 * undefined when it cannot be told: a short text, or two languages nearly as likely. The Data
 * Model's `language` says what a body is in; no answer is better than a guess (the interface
 * language its writer chose says nothing about the language of one note).
 */
export function detectBodyLanguage(text: string): string | undefined {
  if ((text.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return undefined;
  // The start of a long note tells as well as all of it, at a bounded cost (~0.04 ms a note).
  const [best, runnerUp] = francAll(text.slice(0, SAMPLE_CHARACTERS), {
    only: Object.keys(LANGUAGES),
    minLength: MIN_LETTERS,
  });
  if (!best || best[0] === "und") return undefined;
  if (runnerUp && runnerUp[1] > MAX_RUNNER_UP) return undefined;
  return LANGUAGES[best[0]];
}
