"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/sources/types";
import styles from "./panel.module.css";

/** While the list is on its way. */
export function PanelLoading() {
  const t = useTranslations("annotations.states");
  return (
    <p role="status" className={styles.state}>
      {t("loading")}
    </p>
  );
}

/** For an anonymous reader: what signing in gives, and the way there (and back to this source). */
export function PanelSignedOut({ locale, sourceSlug }: { locale: Locale; sourceSlug: string }) {
  const t = useTranslations("annotations.states");
  const back = `/${locale}/sources/${encodeURIComponent(sourceSlug)}`;
  return (
    <div className={styles.state}>
      <p>{t("signedOut")}</p>
      <p>
        <Link href={`/${locale}/sign-in?${new URLSearchParams({ next: back })}`} className={styles.signIn}>
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}

/** The list could not be loaded: say so and offer to try again (the reader fetches it anew). */
export function PanelError({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations("annotations");
  return (
    <div role="alert" className={styles.stateError}>
      <p>{t("states.error")}</p>
      <button type="button" className={styles.retry} onClick={onRetry}>
        {t("retry")}
      </button>
    </div>
  );
}
