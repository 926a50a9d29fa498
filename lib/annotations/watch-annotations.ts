import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { onAnnotationChange, type AnnotationChange } from "@/lib/live/annotation-changes";
import { annotationListTag, tagOf } from "./annotation-tags.ts";
import { openList } from "./open-list.ts";

/** Changes arriving together (a burst of edits, 30 readers' replies) are looked at once. */
const SETTLE_MS = 150;

export interface AnnotationWatch {
  /** Stops listening (the connection closed). */
  stop(): void;
}

/**
 * Follows the annotation indexes of `slugs` as `actor` reads them (their current group and their
 * personal notes, as the page's index): calls `send(slug, version)` at once with each index's
 * version, and again whenever a change anywhere (any app instance) gives that reader a new version.
 * The version is the index's ETag, computed under the policy, so a change the reader may not see —
 * another reader's private note — sends nothing, and what is sent tells only that their own index
 * changed. `onEnd` is called once if the reader may no longer read a source (signed out, left the
 * group). Anonymous: UNAUTHENTICATED; an unknown source or group: NOT_FOUND, before anything is sent.
 */
export async function watchAnnotationVersions(
  actor: Actor,
  slugs: readonly string[],
  send: (slug: string, version: string) => void,
  onEnd: () => void,
): Promise<AnnotationWatch> {
  const watched = await Promise.all(
    slugs.map(async (slug) => {
      const list = await openList(actor, slug, undefined);
      return {
        slug,
        sourceId: list.source.id,
        groupId: list.group?.id ?? null,
        version: await tagOf(list, actor!.userId, "index"),
        timer: null as ReturnType<typeof setTimeout> | null,
      };
    }),
  );
  let stopped = false;
  const check = async (entry: (typeof watched)[number]) => {
    entry.timer = null;
    if (stopped) return;
    try {
      const version = await annotationListTag(actor, entry.slug, undefined, "index");
      if (stopped || version === entry.version) return;
      entry.version = version;
      send(entry.slug, version);
    } catch {
      // The reader may no longer read it (removed from the group, account gone): the watch ends.
      watch.stop();
      onEnd();
    }
  };
  const concerns = (entry: (typeof watched)[number], change: AnnotationChange) =>
    change.sourceId === entry.sourceId && (change.groupId === null || change.groupId === entry.groupId);
  const unsubscribe = onAnnotationChange((change) => {
    for (const entry of watched) {
      if (!concerns(entry, change) || entry.timer) continue;
      entry.timer = setTimeout(() => void check(entry), SETTLE_MS);
    }
  });
  const watch: AnnotationWatch = {
    stop() {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      for (const entry of watched) if (entry.timer) clearTimeout(entry.timer);
    },
  };
  for (const entry of watched) send(entry.slug, entry.version);
  return watch;
}
