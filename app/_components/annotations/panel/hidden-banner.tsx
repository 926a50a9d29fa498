"use client";

import { useTranslations } from "next-intl";
import type { HiddenView } from "@/lib/annotations/types";
import { RelativeTime } from "./relative-time";
import styles from "./card.module.css";

/**
 * The notice on a hidden annotation or reply, shown to those the server still sends it to (its
 * author and the group's moderators): who hid it, when, and why.
 */
export function HiddenBanner({ hidden }: { hidden: HiddenView }) {
  const t = useTranslations("annotations.hidden");
  return (
    <div className={styles.hiddenBanner}>
      <p>
        <strong>
          {t.rich("by", { name: hidden.by.name, time: () => <RelativeTime iso={hidden.at} /> })}
        </strong>
      </p>
      <p>
        {t("reason")} {hidden.reason}
      </p>
      <p className={styles.meta}>{t("who")}</p>
    </div>
  );
}
