import en from "./messages/en.json";
import pl from "./messages/pl.json";
import type { Locale } from "./routing.ts";

const MESSAGES = { pl, en };

/** All interface messages of a locale (for next-intl, and for emails written outside React). */
export function messagesFor(locale: Locale): typeof pl {
  return MESSAGES[locale];
}
