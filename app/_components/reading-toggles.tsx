"use client";

import { useSyncExternalStore } from "react";
import { READING_PREFERENCES, type ReadingPreference } from "./reading-preferences";
import styles from "./reading-toggles.module.css";

interface ReadingTogglesProps {
  /** Accessible name of the group, e.g. "Text display". */
  label: string;
  /** Visible labels of the toggles; a toggle without a label is not offered. */
  toggles: Partial<Record<ReadingPreference, string>>;
}

function isHidden(preference: ReadingPreference): boolean {
  return document.documentElement.classList.contains(READING_PREFERENCES[preference].className);
}

/** The <html> class list is the store: the toggles re-render whenever it changes. */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const hiddenPreferences = () => document.documentElement.className;
/** On the server (and in the first render) nothing is hidden yet. */
const nothingHidden = () => "";

/**
 * Switches that show or hide sentence numbers and the translation. Each is a pressed/unpressed button
 * that toggles a class on <html> and remembers the choice in localStorage (restored before paint by
 * the script in DocumentShell).
 */
export function ReadingToggles({ label, toggles }: ReadingTogglesProps) {
  const offered = (Object.keys(toggles) as ReadingPreference[]).filter((p) => toggles[p]);
  const classes = useSyncExternalStore(subscribe, hiddenPreferences, nothingHidden).split(/\s+/);
  const hidden = (preference: ReadingPreference) =>
    classes.includes(READING_PREFERENCES[preference].className);

  function toggle(preference: ReadingPreference) {
    const { className, storageKey } = READING_PREFERENCES[preference];
    const nowHidden = !isHidden(preference);
    document.documentElement.classList.toggle(className, nowHidden);
    try {
      if (nowHidden) localStorage.setItem(storageKey, "1");
      else localStorage.removeItem(storageKey);
    } catch {
      // Storage unavailable: the choice lasts for this page only.
    }
  }

  return (
    <div role="group" aria-label={label} className={`${styles.toggles} no-print`}>
      {offered.map((preference) => (
        <button
          key={preference}
          type="button"
          className={styles.toggle}
          aria-pressed={!hidden(preference)}
          onClick={() => toggle(preference)}
        >
          <span className={styles.box} aria-hidden="true" />
          {toggles[preference]}
        </button>
      ))}
    </div>
  );
}
