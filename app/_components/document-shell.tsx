import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { fontVariables } from "../fonts/literata";
import { RESTORE_READING_PREFERENCES_SCRIPT } from "./reading-preferences";

/**
 * The HTML document around every page: language, fonts, the script that restores reading
 * preferences, and the skip link (the first thing a keyboard user reaches).
 */
export async function DocumentShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  const t = await getTranslations({ locale, namespace: "layout" });
  return (
    // The preference script adds classes to <html> before hydration.
    <html lang={locale} dir="ltr" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: RESTORE_READING_PREFERENCES_SCRIPT }} />
      </head>
      <body className={fontVariables}>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        {children}
      </body>
    </html>
  );
}
