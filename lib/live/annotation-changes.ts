import "server-only";
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import pg from "pg";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * That the annotations of a source changed, in one group or among personal notes (`groupId` null).
 * It says nothing of what changed or whose: whoever hears it asks the policy what their reader sees
 * now (lib/annotations/watch-annotations.ts), so nothing private travels with it.
 */
export interface AnnotationChange {
  sourceId: string;
  groupId: string | null;
  /** Not an annotation: who reads the source in the group changed (someone opened it or left). */
  presence?: true;
  /**
   * The users whose own annotations (and replies in their threads) the change touched; absent when
   * not known (a change of members): then every reader's own part is looked at again.
   */
  authors?: string[];
  /**
   * The change only added a thread (a new annotation, no reply, no edit): the replies any reader
   * reads are as they were, so what is worked out from them need not be read again.
   */
  threadAdded?: true;
}

const CHANNEL = "glossa_annotation_changes";
/** How long a broken listening connection waits before trying again. */
const RECONNECT_MS = 2_000;

const NotificationSchema = z.object({
  sourceId: z.string(),
  groupId: z.string().nullable(),
  presence: z.literal(true).optional(),
  authors: z.array(z.string()).max(100).optional(),
  threadAdded: z.literal(true).optional(),
  from: z.string(),
});

interface Hub {
  emitter: EventEmitter;
  /** This instance, so it does not hear its own announcements twice. */
  instance: string;
  listening: Promise<void> | null;
  /** The connection listening, while there is one. */
  client: pg.Client | null;
  /** Set by stopListening: no connection is made again. */
  stopped: boolean;
}

const globalForHub = globalThis as unknown as { glossaAnnotationHub?: Hub };
const hub = (globalForHub.glossaAnnotationHub ??= {
  emitter: new EventEmitter().setMaxListeners(0),
  instance: randomUUID(),
  listening: null,
  client: null,
  stopped: false,
});

/**
 * Whether changes travel between app instances through PostgreSQL (LISTEN/NOTIFY): always, except on
 * the embedded database, which only one instance can use (and whose one shared session delivers a
 * notification to whichever connection happens to be asking).
 */
const acrossInstances = () => env.GLOSSA_EMBEDDED_DATABASE !== "1";

/**
 * Tells this instance's listeners, and every other instance's through PostgreSQL, that `change`
 * happened. Called after a write is committed; a failure to announce is logged, not thrown: the
 * write stands, and readers still get it on their next poll.
 */
export async function announceAnnotationChange(change: AnnotationChange): Promise<void> {
  hub.emitter.emit("change", change);
  if (!acrossInstances()) return;
  try {
    const payload = JSON.stringify({ ...change, from: hub.instance });
    await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`;
  } catch (error) {
    console.error("[glossa] could not announce an annotation change to other instances:", error);
  }
}

/** Calls `listener` with every change announced on any instance, until the returned function is called. */
export function onAnnotationChange(listener: (change: AnnotationChange) => void): () => void {
  hub.emitter.on("change", listener);
  if (acrossInstances() && !hub.stopped) hub.listening ??= listen();
  return () => {
    hub.emitter.off("change", listener);
  };
}

/**
 * One connection per instance listens for the other instances' announcements. If it breaks it is
 * made again after a pause, as long as someone here is listening. Never rejects.
 */
async function listen(): Promise<void> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  hub.client = client;
  const retry = () => {
    client.removeAllListeners("notification");
    void client.end().catch(() => {});
    if (hub.client === client) hub.client = null;
    hub.listening = null;
    setTimeout(() => {
      if (!hub.stopped && hub.emitter.listenerCount("change") > 0) hub.listening ??= listen();
    }, RECONNECT_MS).unref();
  };
  client.on("notification", (message) => {
    const parsed = NotificationSchema.safeParse(parseJson(message.payload));
    if (!parsed.success || parsed.data.from === hub.instance) return;
    const { sourceId, groupId, presence, authors, threadAdded } = parsed.data;
    hub.emitter.emit("change", {
      sourceId,
      groupId,
      ...(presence && { presence }),
      ...(authors && { authors }),
      ...(threadAdded && { threadAdded }),
    } satisfies AnnotationChange);
  });
  client.on("error", (error) => {
    console.error("[glossa] the connection listening for annotation changes broke:", error.message);
    retry();
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
  } catch (error) {
    console.error("[glossa] could not listen for annotation changes:", error);
    retry();
  }
}

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "null");
  } catch {
    return null;
  }
}

/**
 * Closes this instance's listening connection for good (its database is going away: shutdown, or a
 * test database about to be dropped). Changes made here still reach this instance's listeners.
 */
export async function stopListening(): Promise<void> {
  hub.stopped = true;
  const client = hub.client;
  hub.client = null;
  await client?.end().catch(() => {});
}
