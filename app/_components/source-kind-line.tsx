import { getTranslations } from "next-intl/server";
import { formatLanguageName } from "@/lib/sources/format-language-name";
import type { Locale, SourceSummary } from "@/lib/sources/types";

/** "Streszczenie · polski" / "Summary · Polish": what kind of text a source is and its language. */
export async function SourceKindLine({
  locale,
  source,
  className,
}: {
  locale: Locale;
  source: Pick<SourceSummary, "kind" | "language">;
  className?: string;
}) {
  const t = await getTranslations({ locale, namespace: "source" });
  return (
    <p className={className}>
      {t("kindAndLanguage", {
        kind: t(`kind.${source.kind}`),
        language: formatLanguageName(source.language, locale),
      })}
    </p>
  );
}
