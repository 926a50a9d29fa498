"use client";

import { useSyncExternalStore } from "react";

/**
 * Below this width the reader's panel is not beside the text (annotation-layer.module.css): it is a
 * drawer, opened by a button that stays at the bottom of the screen, instead of a list under a text
 * thousands of pixels long.
 */
export const DRAWER_QUERY = "(max-width: 69.99rem)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DRAWER_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Whether the panel is a drawer on this screen (false on the server: the page's HTML is shared). */
export function useDrawerMode(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(DRAWER_QUERY).matches,
    () => false,
  );
}
