import type { ReactNode } from "react";
import "./globals.css";

/**
 * The real root layout is app/[locale]/layout.tsx, which renders <html lang={locale}>; this one only
 * passes through (and loads the global styles), as next-intl documents for locale segments without
 * middleware. app/not-found.tsx renders its own document.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
