"use client";

import { useTranslations } from "next-intl";
import { usePanel } from "./panel-context";
import styles from "./card.module.css";

/** An annotation's tags; each is a button that lists only the annotations with that tag. */
export function TagChips({ tags }: { tags: string[] }) {
  const t = useTranslations("annotations.tags");
  const { filterByTag } = usePanel();
  if (tags.length === 0) return null;
  return (
    <ul className={styles.tags} aria-label={t("list")}>
      {tags.map((tag) => (
        <li key={tag}>
          <button
            type="button"
            className={styles.tag}
            aria-label={t("filterBy", { tag })}
            onClick={() => filterByTag(tag)}
          >
            {tag}
          </button>
        </li>
      ))}
    </ul>
  );
}
