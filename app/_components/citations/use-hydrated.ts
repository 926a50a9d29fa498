"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const inBrowser = () => true;
const onServer = () => false;

/**
 * False on the server and during hydration, true after: for controls that only work with JavaScript
 * (copying, downloading, opening a dialog), which a cached page must not show before they can work.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, inBrowser, onServer);
}
