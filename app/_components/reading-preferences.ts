/**
 * The reader's display preferences. Each is a class on <html> (so CSS can hide sentence numbers or the
 * translation column everywhere at once) remembered in localStorage under its key.
 */
export const READING_PREFERENCES = {
  numbers: { className: "numbers-hidden", storageKey: "glossa:hide-sentence-numbers" },
  translation: { className: "translation-hidden", storageKey: "glossa:hide-translation" },
} as const;

export type ReadingPreference = keyof typeof READING_PREFERENCES;

/**
 * Runs in <head> before the first paint, so a remembered "hidden" never flashes into view. Storage may
 * be unavailable (privacy modes): then everything stays shown.
 */
export const RESTORE_READING_PREFERENCES_SCRIPT = `try{var c=document.documentElement.classList;${Object.values(
  READING_PREFERENCES,
)
  .map(
    (p) =>
      `if(localStorage.getItem(${JSON.stringify(p.storageKey)})==="1")c.add(${JSON.stringify(p.className)});`,
  )
  .join("")}}catch(e){}`;
