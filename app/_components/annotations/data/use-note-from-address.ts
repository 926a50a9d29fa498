"use client";
import { useEffect, useRef } from "react";
import type { ReaderState, ReaderStore } from "./reader-store";

/**
 * A reader opened on a note (`?note={thread id}`: a search result's link, app/_lib/source-path.ts's
 * notePath): its thread is picked in the panel, once, when the index first arrives and holds it; one
 * the reader may not read, or gone, picks nothing.
 */
export function useNoteFromAddress(
  store: ReaderStore,
  index: ReaderState["index"],
  showPanel: () => void,
): void {
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || typeof index !== "object") return;
    opened.current = true;
    const id = new URLSearchParams(window.location.search).get("note");
    if (!id || !index.annotations.some((annotation) => annotation.id === id)) return;
    store.dispatch({ type: "annotationsPicked", ids: [id] });
    showPanel();
  }, [index, store, showPanel]);
}
