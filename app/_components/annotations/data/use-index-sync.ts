"use client";

import { useCallback, useEffect, useRef } from "react";
import { CURRENT_GROUP_CHANGED } from "../../current-group-event";
import { applyIndexDelta, applySharedChanges } from "@/lib/annotations/index/apply-delta";
import { changesToCatchUp, type HeardVersion } from "@/lib/annotations/index/catch-up";
import type { LiveChanges } from "./live-versions";
import { fetchAnnotationIndexIfChanged } from "./index-client";
import { selectCanAnnotate, type ReaderStore } from "./reader-store";
import { useReader } from "./use-reader";

/**
 * How often an open, visible page asks for the index again: others' work arrives at once through the
 * live connection (live-versions.ts); this catches up wherever that connection cannot be held.
 */
const REFRESH_INTERVAL_MS = 30_000;
/** Window focus right after a fetch does not fetch again (switching tabs back and forth). */
const FOCUS_REFRESH_GAP_MS = 2_000;

/**
 * Keeps the store's index (data/reader-store.ts) that of the signed-in reader: fetched after
 * hydration (the page itself is cached, the same for everyone; its script starts the first request),
 * again on `refresh()`, as soon as the live connection says the reader's index has a new version,
 * when the window regains focus and every 30 s while the tab is visible. A failed refresh keeps the
 * index already shown; only a first load that fails is an error. Answers that arrive out of order
 * are dropped. After the first, the reader asks for the changes since the index it holds: a
 * class's note costs each reader a few threads, not the thousands already there. Live versions
 * heard while a fetch is on its way are kept and, when it is back, their changes bring its answer
 * up to the last one (lib/annotations/index/catch-up.ts); only when they cannot is it fetched again.
 */
export function useIndexSync(store: ReaderStore, sourceSlug: string): () => void {
  const latest = useRef(0);
  const lastFetch = useRef(0);
  /** The ETag of the index shown: polling sends it back, and an unchanged one costs a bodiless 304. */
  const etag = useRef<string | null>(null);
  /**
   * One fetch at a time: a refresh asked for while one is on its way (a burst of the class's new
   * notes, each a live event) is made once, when it is back. However fast the class writes, a
   * reader asks at most one index at a time, and the last one asked for always comes.
   */
  const inFlight = useRef(false);
  const again = useRef(false);
  /** The live versions heard while the fetch is on its way (with their changes, when sent). */
  const heard = useRef<HeardVersion<LiveChanges>[]>([]);

  /** After a fetch: the versions heard meanwhile applied to its answer, or it is made again. */
  const catchUp = useCallback(() => {
    const pending = heard.current;
    heard.current = [];
    if (pending.length === 0) return;
    const held = store.getState().index;
    const plan = typeof held === "object" ? changesToCatchUp(etag.current, held.base, pending) : null;
    let index = typeof held === "object" ? held : null;
    for (const changes of plan?.apply ?? []) index = index && applySharedChanges(index, changes);
    if (!plan || !index) {
      again.current = true;
    } else if (plan.apply.length > 0) {
      etag.current = plan.version;
      store.dispatch({ type: "indexArrived", index });
    }
  }, [store]);

  const refresh = useCallback(() => {
    const run = () => {
      inFlight.current = true;
      again.current = false;
      heard.current = [];
      const request = ++latest.current;
      lastFetch.current = Date.now();
      const held = store.getState().index;
      const shown = typeof held === "object" && selectCanAnnotate(store.getState());
      // User Timing marks: `npm run bench:annotations` reads them to say where a page's time goes.
      performance.mark("glossa:index-requested");
      fetchAnnotationIndexIfChanged(sourceSlug, shown ? etag.current : null, shown ? held.base : undefined)
        .then(
          (answer) => {
            if (request !== latest.current) return;
            if (answer === "unchanged") return catchUp();
            performance.mark("glossa:index-received");
            if (answer === "signed-out") {
              etag.current = null;
              store.dispatch({ type: "signedOut" });
              return;
            }
            const now = store.getState().index;
            const index =
              "index" in answer
                ? answer.index
                : typeof now === "object"
                  ? applyIndexDelta(now, answer.delta)
                  : null;
            if (index) {
              etag.current = answer.etag;
              store.dispatch({ type: "indexArrived", index });
              catchUp();
            } else {
              // Changes to an index no longer held (another group chosen meanwhile): the whole one.
              etag.current = null;
              again.current = true;
            }
          },
          () => {
            if (request !== latest.current) return;
            store.dispatch({ type: "indexFailed" });
            // What was heard meanwhile is asked for again (the answer lost, the index shown kept).
            if (heard.current.length > 0) again.current = true;
          },
        )
        .finally(() => {
          // Given up (the source is no longer shown): nothing follows.
          if (request !== latest.current) return;
          inFlight.current = false;
          if (again.current) run();
        });
    };
    if (inFlight.current) again.current = true;
    else run();
  }, [store, sourceSlug, catchUp]);

  useEffect(() => {
    refresh();
    const onFocus = () => {
      if (Date.now() - lastFetch.current >= FOCUS_REFRESH_GAP_MS) refresh();
    };
    const timer = window.setInterval(() => {
      // A signed-out reader is asked again on focus only (after signing in in another tab).
      if (document.visibilityState === "visible" && selectCanAnnotate(store.getState())) refresh();
    }, REFRESH_INTERVAL_MS);
    window.addEventListener("focus", onFocus);
    // The reader switched groups in a panel on this page: every layer reads its index in the new one.
    window.addEventListener(CURRENT_GROUP_CHANGED, refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", onFocus);
      window.removeEventListener(CURRENT_GROUP_CHANGED, refresh);
      // Whatever is still on its way belongs to a source no longer shown.
      latest.current += 1;
      inFlight.current = false;
      again.current = false;
    };
  }, [store, refresh]);

  // Live: once the reader is known to be signed in, a new version of their index fetches it.
  const signedIn = useReader(store, selectCanAnnotate);
  // (Its code loads then, not with the page: nothing of it is needed to paint the text.)
  useEffect(() => {
    if (!signedIn) return;
    let stop: (() => void) | null = null;
    let unmounted = false;
    void import("./live-versions").then(({ followAnnotationVersions }) => {
      if (unmounted) return;
      stop = followAnnotationVersions(sourceSlug, (version, changes) => {
        if (version === etag.current) return;
        // A fetch on its way: its answer comes after, and catches up with this then (catchUp).
        if (inFlight.current) {
          heard.current.push({ version, changes });
          return;
        }
        // The class's new threads, sent with the version: applied to the index held, no fetch.
        const held = store.getState().index;
        const index = changes && typeof held === "object" ? applySharedChanges(held, changes) : null;
        if (index) {
          etag.current = version;
          store.dispatch({ type: "indexArrived", index });
        } else {
          refresh();
        }
      });
    });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, [signedIn, sourceSlug, refresh, store]);

  return refresh;
}
