import { createTranslator } from "next-intl";
import { messagesFor } from "@/lib/i18n/messages";

/**
 * The line that keeps the name of who wrote an imported note, in the importer's language ("Written
 * by Anna Nowak, Mar 1, 2026 (imported)."), for importAnnotations.
 */
export function importAttribution(locale: "pl" | "en") {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "import" });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return (name: string, created: string | null) => {
    const date = created ? new Date(created) : null;
    return date && !Number.isNaN(date.getTime())
      ? t("attributionDated", { name, date: dates.format(date) })
      : t("attribution", { name });
  };
}
