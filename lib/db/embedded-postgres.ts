import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * Connections the embedded server accepts: the app's pool, the migration engine and the importer.
 * PGlite runs one query at a time and keeps a transaction exclusive to the connection that opened it.
 */
const MAX_CONNECTIONS = 32;

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
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = new PGLiteSocketServer({
    db,
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
