import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * Connections the embedded server accepts: the app's pool, the migration engine and the importer.
 * PGlite runs one query at a time and keeps a transaction exclusive to the connection that opened it.
 */
const MAX_CONNECTIONS = 32;

/** Extended-query protocol messages: Parse, Bind, Describe, Execute, Close, Flush. */
const EXTENDED_QUERY = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));
/** Messages that end a batch: Sync, and a simple Query. */
const END_OF_BATCH = new Set(["S", "Q"].map((c) => c.charCodeAt(0)));

/**
 * The database as the socket server sees it, keeping each connection's extended-query batch together.
 * pglite-socket runs the messages of all connections one at a time on PGlite's single session, and
 * keeps them with one connection only inside a transaction; between one connection's Parse and its
 * Sync another connection's Parse can slip in and replace the unnamed statement ("bind message
 * supplies 2 parameters, but prepared statement requires 3": electric-sql/pglite#1046). Reporting
 * "in a transaction" while a batch is open makes the server's own affinity cover the whole batch.
 */
function withBatchAffinity(db: PGlite): PGlite {
  let batchOpen = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === "isInTransaction") return () => batchOpen || target.isInTransaction();
      if (property === "execProtocolRawStream") {
        return async (...args: Parameters<PGlite["execProtocolRawStream"]>) => {
          const type = args[0][0] ?? 0;
          if (EXTENDED_QUERY.has(type)) batchOpen = true;
          try {
            return await target.execProtocolRawStream(...args);
          } finally {
            if (END_OF_BATCH.has(type)) batchOpen = false;
          }
        };
      }
      if (property === "exec") {
        // The server rolls back when a connection drops mid-transaction: its batch is over too.
        return (...args: Parameters<PGlite["exec"]>) => {
          batchOpen = false;
          return target.exec(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface EmbeddedPostgres {
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL compiled to WebAssembly (PGlite) in this process and serves it over the Postgres
 * wire protocol on 127.0.0.1, so Prisma and pg use it like any server. `dataDir` keeps the data on
 * disk (only one process may open it); without it the database lives in memory. `stop()` closes the
 * socket and flushes the database to disk.
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedPostgres> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  // Search needs unaccent and pg_trgm (migration search): PGlite ships them, loaded here.
  const extensions = { unaccent, pg_trgm };
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir, extensions } : { extensions });
  const server = new PGLiteSocketServer({
    db: withBatchAffinity(db),
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: MAX_CONNECTIONS,
  });
  await server.start();
  const address = server.getServerConn();
  let stopped = false;
  return {
    connectionString: `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
