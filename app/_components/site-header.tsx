import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { messagesFor } from "@/lib/i18n/messages";
import { localeSwitchHref } from "@/lib/i18n/locale-switch-href";
import type { Locale } from "@/lib/i18n/routing";
import { AccountMenu } from "./account-menu";
import { HeaderSearch, MAX_SUGGESTIONS } from "./search/header-search";
import styles from "./site-header.module.css";

interface SiteHeaderProps {
  locale: Locale;
  /** The current page's path without the locale prefix (with its query, if any): "" for the library. */
  path: string;
  /** Marks the library link as the current page. */
  current?: "library";
}

/**
 * The banner on every page: the name, the main navigation, the account menu and the switch to the
 * other language. It reads no cookie (the pages around it are cached for everyone): the account menu
 * asks who is signed in from the browser.
 */
export async function SiteHeader({ locale, path, current }: SiteHeaderProps) {
  const [t, tQuoteCheck, tSearch, tPeople] = await Promise.all([
    getTranslations({ locale, namespace: "header" }),
    getTranslations({ locale, namespace: "quoteCheck" }),
    getTranslations({ locale, namespace: "search" }),
    getTranslations({ locale, namespace: "people" }),
  ]);
  const onQuoteCheck = path === "/check" || path.startsWith("/check?");
  const otherLocale: Locale = locale === "pl" ? "en" : "pl";
  return (
    <header className={`${styles.header} no-print`}>
      <div className={styles.inner}>
        <Link href={`/${locale}`} className={styles.brand} aria-label={t("home")}>
          Glossa
        </Link>
        <HeaderSearch
          locale={locale}
          labels={{
            label: tSearch("label"),
            placeholder: tSearch("placeholder"),
            submit: tSearch("submit"),
            suggestions: tSearch("suggestionsLabel"),
            allResults: tSearch("allResults", { query: "{query}" }),
            pseudonym: tPeople("pseudonym", { number: "{number}" }),
            counts: Array.from({ length: MAX_SUGGESTIONS + 1 }, (_, count) =>
              tSearch("suggestionsCount", { count }),
            ),
          }}
        />
        <nav aria-label={t("navLabel")} className={styles.nav}>
          <ul className={styles.list}>
            <li>
              <Link href={`/${locale}`} aria-current={current === "library" ? "page" : undefined}>
                {t("library")}
              </Link>
            </li>
            <li>
              <Link href={`/${locale}/check`} aria-current={onQuoteCheck ? "page" : undefined}>
                {tQuoteCheck("navLink")}
              </Link>
            </li>
            {/* The bell's name has plural forms: its one message goes to the browser. */}
            <NextIntlClientProvider
              locale={locale}
              messages={{ notifications: { bell: messagesFor(locale).notifications.bell } }}
            >
              <AccountMenu
                locale={locale}
                labels={{
                  account: t("account"),
                  accountPrefix: t("accountPrefix"),
                  signIn: t("signIn"),
                  signUp: t("signUp"),
                  groups: t("groups"),
                  myWork: t("myWork"),
                  profile: t("profile"),
                  signOut: t("signOut"),
                  currentGroup: t("currentGroup"),
                  noGroup: t("noGroup"),
                  switchGroup: t("switchGroup"),
                }}
              />
            </NextIntlClientProvider>
            <li className={styles.language}>
              {/* A plain link: the /locale handler stores the choice, so no JavaScript is needed. */}
              <a
                href={localeSwitchHref(otherLocale, path)}
                hrefLang={otherLocale}
                lang={otherLocale}
                aria-label={t("switchToLabel")}
              >
                {t("switchTo")}
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
