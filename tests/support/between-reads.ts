/**
 * Makes something happen at an exact point inside a service's reads: just before the app next reads
 * annotation rows (a findMany) whose `where` matches, `between` runs and is awaited. A change committed
 * there lands after the service read the state it keys a cache with and before it reads the rows: the
 * race a cache of the index must survive, made to happen every time instead of once in a thousand.
 */
import { db, dbReads } from "@/lib/db";
import type { Prisma, PrismaClient } from "@/lib/db/generated/prisma/client.ts";

interface Armed {
  when: (where: Prisma.AnnotationWhereInput) => boolean;
  between: () => Promise<unknown>;
  fired: boolean;
}

let armed: Armed | null = null;
const hooked = new WeakSet<object>();

/**
 * Runs `between` before the next read of annotation rows matching `when` (once). Returns whether it
 * has run, so a test can check that the race it meant to stage did happen.
 */
export function beforeNextRowsRead(
  when: (where: Prisma.AnnotationWhereInput) => boolean,
  between: () => Promise<unknown>,
): () => boolean {
  installHook();
  const hook: Armed = { when, between, fired: false };
  armed = hook;
  return () => hook.fired;
}

/** Forgets a hook that has not run. */
export function disarm(): void {
  armed = null;
}

/** Thread roots chosen by `where`'s own keys (as JSON), whatever else it says. */
const roots = (where: Prisma.AnnotationWhereInput) => {
  const text = JSON.stringify(where);
  return text.includes('"parentId":null') ? text : null;
};

/** The part of an index every member of a tier shares (groupSharedReadWhere): a visibility, no author. */
export const sharedRows = (where: Prisma.AnnotationWhereInput) => {
  const text = roots(where);
  return text !== null && text.includes('"visibility"') && !text.includes('"authorId"');
};

/** A reader's own annotations (their part of the index): by author, whatever the visibility. */
export const ownRows = (where: Prisma.AnnotationWhereInput) => {
  const text = roots(where);
  return text !== null && text.includes('"authorId"') && !text.includes('"visibility"');
};

/** `userId`'s own annotations (their part of their index). */
export const ownRowsOf = (userId: string) => (where: Prisma.AnnotationWhereInput) =>
  ownRows(where) && JSON.stringify(where).includes(`"authorId":"${userId}"`);

/**
 * Thread roots read under a reader's whole policy (`annotationReadWhere`: their own by author, others'
 * by visibility): the list's roots, a page's keyset and its cards.
 */
export const listRows = (where: Prisma.AnnotationWhereInput) => {
  const text = roots(where);
  return text !== null && text.includes('"visibility"') && text.includes('"authorId"');
};

/** A page's cards: thread roots by id, under the reader's policy (after the page's keyset was read). */
export const cardRows = (where: Prisma.AnnotationWhereInput) =>
  listRows(where) && JSON.stringify(where).includes('"id":{"in":');

/** Replies read for a list or a page (of every thread, or of some threads by id). */
export const replyRows = (where: Prisma.AnnotationWhereInput) => {
  const text = JSON.stringify(where);
  return text.includes('"parentId":{"not":null}') || text.includes('"parentId":{"in":');
};

function installHook(): void {
  const globals = globalThis as unknown as { glossaPrisma?: PrismaClient; glossaPrismaReads?: PrismaClient };
  // Touching the app's clients makes them (lib/db makes each on first use; on the embedded database
  // readers use the one client).
  void db.annotation;
  void dbReads.annotation;
  globals.glossaPrisma = hookInto(globals.glossaPrisma!);
  if (globals.glossaPrismaReads) globals.glossaPrismaReads = hookInto(globals.glossaPrismaReads);
}

function hookInto(current: PrismaClient): PrismaClient {
  if (hooked.has(current)) return current;
  const extended = current.$extends({
    query: {
      annotation: {
        async findMany({ args, query }) {
          const hook = armed;
          if (hook && hook.when(args.where ?? {})) {
            armed = null;
            hook.fired = true;
            await hook.between();
          }
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
  hooked.add(extended);
  return extended;
}
