import "server-only";
import {
  sharedChangesWithheldOn,
  withheldPeerWhere,
  withheldThreadAmongWhere,
  withholdsOnSource,
  type Actor,
} from "@/lib/auth/policy";
import { dbReads as db } from "@/lib/db";
import { ownWhere, stateOf, tagFrom, threadsRepliedIn, type IndexState } from "./annotation-tags.ts";
import { countSentences } from "./count-sentences.ts";
import { cachedIndex, rememberIndex } from "./index/cache.ts";
import { NO_PART, readIndexPart } from "./index/part.ts";
import { textOrder } from "./index/text-order.ts";
import { maskPeers } from "./index/mask-peers.ts";
import { packIndex } from "./index/wire.ts";
import { sharedPart, sharedPartChanges } from "./index/shared-part.ts";
import { openList, type ListScope } from "./open-list.ts";
import type { AnnotationIndexDelta, AnnotationIndexView, AnnotationSummary, PersonView } from "./types.ts";

/**
 * The same threads as `listAnnotations` (same scope, same policy), each as a summary: its place in
 * the latest edition, kind, author, tags, whether deleted or hidden; the index's version is its tag.
 * The reader draws every highlight from it and fetches cards as the panel shows them.
 */
export async function listAnnotationIndex(
  actor: Actor,
  slug: string,
  group?: string,
): Promise<AnnotationIndexView> {
  const list = await openList(actor, slug, group);
  return indexOf(list, actor!.userId, await stateOf(list, actor!.userId));
}

/**
 * For the index route: its tag (ETag), and unless `ifNoneMatch` is that tag already (the reader
 * polling: nothing changed, so nothing is read but three small aggregates at once), the index as
 * packed JSON (index/wire.ts) — from this instance's cache when it served the same tag before. A
 * new index is sent, and kept, under its own version (indexOf), which may be newer than the tag.
 *
 * With `base`, the state of the shared part the reader holds (the index's `base`), and that part
 * still kept here: only the changes since (AnnotationIndexDelta), so that after a classmate's note a
 * class's readers are each sent a few threads, not thousands, and the instance works the changes out
 * once for them all. Without a base it knows, the whole index.
 */
export async function annotationIndexJsonUnlessUnchanged(
  actor: Actor,
  slug: string,
  group: string | undefined,
  ifNoneMatch: string | null,
  base: string | null = null,
): Promise<{ tag: string; json: string | null }> {
  const list = await openList(actor, slug, group);
  const userId = actor!.userId;
  const state = await stateOf(list, userId);
  if (state.tag === ifNoneMatch) return { tag: state.tag, json: null };
  // A reader from whom peers' notes are withheld (reveal after posting), or shown peers under
  // pseudonyms (anonymous to peers), is always sent the index whole: the shared part's changes know
  // nothing of what is withheld from them, and name authors by their ids.
  if (base !== null && state.shared && !sharedChangesWithheld(list)) {
    const delta = await deltaOf(list, userId, state, state.shared, base);
    if (delta) {
      return {
        tag: delta.version,
        json: delta.version === ifNoneMatch ? null : JSON.stringify(packIndex(delta)),
      };
    }
  }
  const json = cachedIndex(state.tag);
  if (json !== undefined) return { tag: state.tag, json };
  // Read now, the index may be newer than `state`: it is sent and kept under its own version.
  const index = await indexOf(list, userId, state);
  const packed = JSON.stringify(packIndex(index));
  rememberIndex(index.version, packed);
  return { tag: index.version, json: index.version === ifNoneMatch ? null : packed };
}

/**
 * The changes since the shared part in state `base`, as indexOf would read the index now: the
 * shared threads added or changed (the reader's own excepted, as in indexOf) and those gone, and the
 * reader's own part and withheld threads whole. Null when this instance no longer keeps that part.
 */
async function deltaOf(
  list: ListScope,
  userId: string,
  state: IndexState,
  shared: NonNullable<IndexState["shared"]>,
  base: string,
): Promise<AnnotationIndexDelta | null> {
  const [now, personal] = await Promise.all([
    sharedPart(shared.scope, shared.state),
    personalParts(list, userId),
  ]);
  const changes = sharedPartChanges(shared.scope, base, now);
  if (!changes) return null;
  const annotations = [...changes.changed.filter((a) => a.authorId !== userId), ...personal.annotations];
  const named = new Set(annotations.map((a) => a.authorId));
  return {
    source: { slug: list.source.slug, editionNumber: list.edition.number },
    group: list.group,
    version: tagFrom(list, userId, "index", [now.state, personal.state, state.replies]),
    base: now.state,
    people: peopleOf([now, personal]).filter((person) => named.has(person.id)),
    annotations,
    delta: { from: base, removed: [...changes.removed] },
  };
}

/**
 * The reader's own annotations in scope (marked as theirs), and the threads withheld from them but
 * holding their replies, as placeholders showing nothing of their root: the part of the index that
 * is the reader's alone, read on every request (a few rows), with its own part's state.
 */
async function personalParts(
  list: ListScope,
  userId: string,
): Promise<{ annotations: AnnotationSummary[]; people: PersonView[]; state: string }> {
  const [own, withheld] = await Promise.all([
    readIndexPart(list, ownWhere(list, userId), { userId }, true),
    threadsRepliedIn(list, userId).then((threadIds) =>
      threadIds.length === 0
        ? NO_PART
        : readIndexPart(
            list,
            withheldThreadAmongWhere({ userId }, list.memberships, threadIds),
            { userId },
            false,
          ),
    ),
  ]);
  return {
    annotations: [
      ...own.annotations,
      // Nothing of the root: not its marks or highlight either.
      ...withheld.annotations.map(({ helpful: _count, featured: _featured, ...a }): AnnotationSummary => ({
        ...a,
        kind: "comment",
        authorId: "",
        tags: [],
        deleted: false,
        hidden: false,
      })),
    ],
    people: own.people,
    state: own.state,
  };
}

function peopleOf(parts: readonly { people: readonly PersonView[] }[]): PersonView[] {
  return [...new Map(parts.flatMap((part) => part.people.map((p) => [p.id, p] as const))).values()];
}

/**
 * The index is made of two parts: what every member of the reader's tier in the group reads there
 * (`groupSharedReadWhere`: read once per group and state, and kept for the tier), and the reader's own
 * annotations in scope (a small query each time). Together they are exactly `annotationReadWhere`
 * within the scope, as the integration tests check against the list; threads withheld from the reader
 * but holding their replies (`withheldThreadWhere`) come as placeholders, as in the list. Its version
 * is made from the states of the parts as read (each part's rows give its state), not from `state`,
 * read before them: so a version always names the threads it came with, and a change committed in
 * between can never leave threads of one state under the version of another (cached by this
 * instance, or by the reader and answered 304), to be served again when the group returns to that
 * state. Withheld threads add nothing to it: which threads are withheld changes only with the
 * reader's own replies (the replies' state) or with a root leaving what the reader reads (the parts'
 * states), and nothing of their roots may reach the reader, not even when they were last changed;
 * the version stays the live connection's tag (tagOf), so a reader is not sent to fetch it twice.
 */
async function indexOf(list: ListScope, userId: string, state: IndexState): Promise<AnnotationIndexView> {
  const { source, edition, group } = list;
  const [shared, personal, withheld] = await Promise.all([
    state.shared ? sharedPart(state.shared.scope, state.shared.state) : NO_PART,
    personalParts(list, userId),
    revealWithheldIds(list, userId),
  ]);
  // The reader's own annotations in the shared part are in their own part too (marked as theirs);
  // peers' threads withheld from them until they post (reveal after posting) are left out.
  const annotations = [
    ...shared.annotations.filter((a) => a.authorId !== userId && !withheld.has(a.id)),
    ...personal.annotations,
  ];
  annotations.sort(textOrder);
  const named = new Set(annotations.map((a) => a.authorId));
  // Only the authors of what is listed: the index names nobody else (and classmates shown under
  // pseudonyms by their pseudonyms alone).
  const shown = await maskPeers(
    list,
    { userId },
    annotations,
    peopleOf([shared, personal]).filter((person) => named.has(person.id)),
  );
  return {
    source: { slug: source.slug, editionNumber: edition.number },
    group,
    version: tagFrom(list, userId, "index", [shared.state, personal.state, state.replies]),
    people: shown.people,
    annotations: shown.annotations,
    sentenceCounts: countSentences(annotations),
    // No base for a reader from whom notes are withheld or peers masked: no shared changes for them.
    ...(state.shared && !sharedChangesWithheld(list) && { base: shared.state }),
  };
}

/** Whether peers' notes on this source are withheld from the reader (reveal after posting). */
function revealWithholds(list: ListScope): boolean {
  return withholdsOnSource(list.memberships, list.group?.id, list.source.id);
}

function sharedChangesWithheld(list: ListScope): boolean {
  return sharedChangesWithheldOn(list.memberships, list.group?.id, list.source.id);
}

/**
 * The threads of the shared part withheld from the reader until they post (reveal after posting:
 * the policy's `withheldPeerWhere`), filtered out of the part their whole tier shares: one query of
 * ids, none when nothing on the source is withheld from them.
 */
async function revealWithheldIds(list: ListScope, userId: string): Promise<Set<string>> {
  const withheld = revealWithholds(list) ? withheldPeerWhere({ userId }, list.memberships) : null;
  if (!withheld || !list.group) return new Set();
  const rows = await db.annotation.findMany({
    where: { sourceId: list.source.id, parentId: null, groupId: list.group.id, AND: [withheld] },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}
