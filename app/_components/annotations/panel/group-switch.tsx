"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useState } from "react";
import type { ListedGroupView } from "@/lib/annotations/types";
import { announceCurrentGroupChange } from "../../current-group-event";
import { useMessageText } from "../../forms/use-message-text";
import { fetchMyGroups, switchCurrentGroup } from "../data/api-client";
import { problemsFrom } from "./form-problems";
import styles from "./panel.module.css";

/** The value of the "personal notes" choice (no group). */
const PERSONAL = "";

interface GroupSwitchProps {
  /** The group the panel's list was read in; null: the reader's personal notes. */
  shown: ListedGroupView | null;
  /** After a switch: the panel says so (its live region). */
  announce: (text: string) => void;
}

/**
 * Says whose notes the panel shows (a group's, or the reader's personal notes) and lets the reader
 * switch: a choice of their groups and their personal notes, sent like the header's current-group
 * picker (it is the same setting), after which every annotation layer on the page reads its list again.
 * A reader in no group sees only the words "your personal notes".
 */
export function GroupSwitch({ shown, announce }: GroupSwitchProps) {
  const t = useTranslations("annotations.groupSwitch");
  const errorText = useMessageText("errors");
  const id = useId();
  const [groups, setGroups] = useState<{ id: string; name: string }[] | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shownValue = shown?.id ?? PERSONAL;

  useEffect(() => {
    let live = true;
    fetchMyGroups().then(
      (mine) => live && setGroups(mine ?? []),
      () => live && setGroups([]),
    );
    return () => {
      live = false;
    };
  }, [shownValue]);

  const options = [...(groups ?? [])];
  // The group shown is always among the choices, even before the reader's groups arrive.
  if (shown && !options.some((group) => group.id === shown.id)) options.unshift(shown);

  if (groups !== null && groups.length === 0 && !shown) {
    return <p className={styles.groupLine}>{t("personalOnly")}</p>;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = choice ?? shownValue;
    if (busy || value === shownValue) return;
    setBusy(true);
    setError(null);
    try {
      await switchCurrentGroup(value === PERSONAL ? null : value);
      setChoice(null);
      const name = options.find((group) => group.id === value)?.name;
      announce(name ? t("switchedTo", { name }) : t("switchedToPersonal"));
      announceCurrentGroupChange();
      // The header's picker (account-menu.tsx, uncontrolled) shows the same setting: it follows.
      const picker = document.getElementById("current-group");
      if (picker instanceof HTMLSelectElement) picker.value = value;
    } catch (failure) {
      setError(problemsFrom(failure)[0]?.message ?? "generic");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.groupSwitch} onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-group`} className={styles.groupLabel}>
        {t("label")}
      </label>
      <select
        id={`${id}-group`}
        value={choice ?? shownValue}
        onChange={(event) => setChoice(event.target.value)}
      >
        {options.map((group) => (
          <option key={group.id} value={group.id}>
            {group.name}
          </option>
        ))}
        <option value={PERSONAL}>{t("personal")}</option>
      </select>
      <button type="submit" className={styles.groupButton} aria-disabled={busy || undefined}>
        {t("switch")}
      </button>
      <p className={styles.groupHint}>{t("hint")}</p>
      {error && (
        <p role="alert" className={styles.groupError}>
          {errorText(error)}
        </p>
      )}
    </form>
  );
}
