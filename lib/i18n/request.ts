import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "./messages.ts";
import { defaultLocale, isLocale } from "./routing.ts";

/**
 * next-intl's per-request configuration. There is no middleware: the locale comes from the `[locale]`
 * segment through `setRequestLocale` (called in every localized layout and page) or an explicit
 * `getTranslations({ locale })`; anything else falls back to Polish.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: "Europe/Warsaw",
  };
});
