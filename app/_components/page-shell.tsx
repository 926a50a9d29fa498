import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/routing";
import { SiteHeader } from "./site-header";
import styles from "./page-shell.module.css";

interface PageShellProps {
  locale: Locale;
  /** The page's path without the locale prefix, for the language switch (see SiteHeader). */
  path: string;
  /** "text" keeps the reading measure; "wide" leaves room for columns side by side. */
  width?: "text" | "wide";
  /** Which navigation entry is the current page, if any. */
  current?: "library";
  children: ReactNode;
}

/** A page's landmarks: the site header, then the main content the skip link points to. */
export function PageShell({ locale, path, width = "text", current, children }: PageShellProps) {
  return (
    <>
      <SiteHeader locale={locale} path={path} current={current} />
      <main id="main" tabIndex={-1} className={width === "wide" ? styles.wide : styles.text}>
        {children}
      </main>
    </>
  );
}
