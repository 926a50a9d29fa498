import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type PrismaClient } from "./create-prisma-client.ts";

const globalForPrisma = globalThis as unknown as {
  glossaPrisma?: PrismaClient;
  glossaPrismaReads?: PrismaClient;
};

function client(): PrismaClient {
  if (globalForPrisma.glossaPrisma) return globalForPrisma.glossaPrisma;
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start Glossa with `npm start`, which provides a database.");
  }
  globalForPrisma.glossaPrisma = createPrismaClient({
    connectionString: env.DATABASE_URL,
    poolMax: env.DATABASE_POOL_MAX,
  });
  return globalForPrisma.glossaPrisma;
}

/**
 * The app's one Prisma client. It connects on first use, not on import, so `next build` can load
 * pages without a database; it lives on globalThis so hot reload in development reuses it.
 */
export const db: PrismaClient = lazily(client);

function readsClient(): PrismaClient {
  if (globalForPrisma.glossaPrismaReads) return globalForPrisma.glossaPrismaReads;
  // The embedded database serves one session: everything goes through the one client.
  if (env.GLOSSA_EMBEDDED_DATABASE === "1" || !env.DATABASE_URL) return client();
  globalForPrisma.glossaPrismaReads = createPrismaClient({
    connectionString: env.DATABASE_URL,
    poolMax: env.DATABASE_READ_POOL_MAX,
  });
  return globalForPrisma.glossaPrismaReads;
}

/**
 * The client for what readers read again and again — indexes and lists, the live connection's
 * versions, who reads a source now — over a pool of its own (DATABASE_READ_POOL_MAX): however many
 * readers a class holds open, they queue among themselves, and a write (on `db`) always finds a
 * connection. On the embedded database, `db` itself.
 */
export const dbReads: PrismaClient = lazily(readsClient);

/** A client that `get` makes (or finds) when it is first used, and finds again on every use after. */
function lazily(get: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      const value = Reflect.get(get(), property) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(get()) : value;
    },
  });
}
