import { z } from "zod";
import { parseWatchedSources } from "@/lib/annotations/schemas";
import { watchAnnotationVersions } from "@/lib/annotations/watch-annotations";
import { eventStream } from "@/lib/http/event-stream";
import { text } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * GET `?sources=a,b` (the sources a page shows, at most 3): server-sent events, one `version` event
 * `{"source": slug, "version": etag}` for each source at once and again whenever the caller's index
 * of it changes — made by anyone, on any app instance. The page then fetches the index with
 * `If-None-Match`. Only versions travel here (the index's ETag, computed under the policy): a change
 * the caller may not read sends nothing. Mostly the new version comes as a `changes` event instead,
 * `{"source", "version", "from", "via"?, "base", "people", "annotations", "ownCount"?}`: the threads
 * their reading tier shares that were added or changed since the index they hold in state `from`, or
 * in one of the states `via` passed on the way to `base` (and their
 * own added or changed, with how many of theirs the index holds now, when theirs changed), packed as
 * the index packs them, to apply without fetching (a thread gone: a version event).
 * And a `presence` event `{"source": slug, "people": [{id,
 * name}]}` at once and whenever it changes: the other members of the caller's group reading the
 * source now, on any instance (lib/live/presence.ts); nobody outside the group, and nothing without
 * one. Anonymous: 401; a source or group they cannot read: 404.
 */
export const GET = route(
  {
    caller: "signed-in",
    query: z.object({ sources: text().optional() }),
  },
  ({ request, actor, query }) =>
    eventStream(request, async (send, end) => {
      const watch = await watchAnnotationVersions(actor, parseWatchedSources(query.sources ?? null), {
        version: (source, version) => send("version", { source, version }),
        changes: (source, changes) => send("changes", { source, ...changes }),
        presence: (source, people) => send("presence", { source, people }),
        end,
      });
      return () => watch.stop();
    }),
);
