/**
 * `npm start`: everything needed to serve Glossa from a fresh clone.
 *
 * 1. Generates the Prisma client if it is missing or older than the schema.
 * 2. Uses DATABASE_URL when set (waiting up to a minute for it to answer); otherwise starts the
 *    embedded PostgreSQL (PGlite) with its data in GLOSSA_DATA_DIR (default .glossa/data).
 * 3. Applies migrations, imports the sources folder (idempotent), builds the app unless the current
 *    build is up to date (GLOSSA_SKIP_BUILD=1 skips this, as in the Docker image), and serves it on
 *    GLOSSA_HOST:PORT through serve.ts. Ctrl-C (or SIGTERM) stops the server, then the database, cleanly.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
process.chdir(root);
const log = (message: string) => console.log(`[glossa] ${message}`);

function ensurePrismaClient(): void {
  const client = path.join(root, "lib/db/generated/prisma/client.ts");
  const schema = path.join(root, "prisma/schema.prisma");
  if (existsSync(client) && statSync(client).mtimeMs >= statSync(schema).mtimeMs) return;
  log("Generating the Prisma client…");
  const result = spawnSync("npm", ["run", "-s", "db:generate"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("prisma generate failed");
}

ensurePrismaClient();
const { env } = await import("../env.ts");
const { applyMigrations } = await import("../db/apply-migrations.ts");
const { preloadSchemaEngine } = await import("../db/schema-engine.ts");
const { createPrismaClient } = await import("../db/create-prisma-client.ts");
const { importSources } = await import("../sources/import-sources.ts");
const { formatImportReport } = await import("../sources/format-import-report.ts");
const { buildIfStale } = await import("./build-app.ts");
const { ensureAuthSecret } = await import("../auth/ensure-auth-secret.ts");
const { embeddedUrlFile } = await import("./database-url.ts");

const cleanups: (() => Promise<void>)[] = [];
let server: ChildProcess | null = null;
let stopping: Promise<never> | null = null;

/** Stops the server, then the database; a second Ctrl-C while stopping waits for the first. */
function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
    log("Stopped.");
    process.exit(code);
  })();
  return stopping;
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  preloadSchemaEngine();
  let databaseUrl = env.DATABASE_URL;
  let poolMax = env.DATABASE_POOL_MAX;
  let embeddedDatabase = false;
  if (databaseUrl) {
    const { waitForDatabase } = await import("./wait-for-database.ts");
    log("Using the PostgreSQL at DATABASE_URL.");
    await waitForDatabase(databaseUrl);
  } else {
    const { lockDataDir } = await import("./data-dir-lock.ts");
    const { startEmbeddedPostgres } = await import("../db/embedded-postgres.ts");
    const dataDir = path.resolve(env.GLOSSA_DATA_DIR);
    cleanups.push(await lockDataDir(dataDir));
    log(`Starting the embedded PostgreSQL (PGlite), data in ${path.relative(root, dataDir) || dataDir}…`);
    const embedded = await startEmbeddedPostgres({ dataDir });
    cleanups.push(() => embedded.stop());
    databaseUrl = embedded.connectionString;
    embeddedDatabase = true;
    // Command-line scripts (e.g. user:reset-password) connect through this while the app runs.
    const urlFile = embeddedUrlFile(dataDir);
    await writeFile(urlFile, databaseUrl);
    cleanups.push(() => rm(urlFile, { force: true }));
    // PGlite runs one query at a time: a small pool is all it can use.
    poolMax = Math.min(poolMax, 4);
  }

  const applied = await applyMigrations(databaseUrl);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  const prisma = createPrismaClient({ connectionString: databaseUrl, poolMax: 1 });
  let authSecret = env.AUTH_SECRET;
  try {
    log(formatImportReport(await importSources(prisma, path.join(root, "sources"))));
    authSecret ??= await ensureAuthSecret(prisma);
  } finally {
    await prisma.$disconnect();
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: String(poolMax),
    GLOSSA_EMBEDDED_DATABASE: embeddedDatabase ? "1" : "",
    AUTH_SECRET: authSecret,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (process.env.GLOSSA_SKIP_BUILD !== "1") {
    log("Checking the production build…");
    if (await buildIfStale(root)) log("Built the app.");
  }

  // Glossa's own server (serve.ts) in front of Next's handler: it takes the client's address from
  // the connection (and from trusted proxies only), which `next start` cannot give the app.
  server = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib/cli/serve.ts")], {
    stdio: "inherit",
    env: { ...childEnv, NODE_ENV: "production" },
  });
  const host = env.GLOSSA_HOST === "0.0.0.0" ? "localhost" : env.GLOSSA_HOST;
  log(`Serving Glossa at http://${host}:${env.PORT} (Ctrl-C stops it).`);
  server.on("exit", (code) => {
    if (!stopping) void shutdown(code ?? 1);
  });
} catch (error) {
  console.error(`[glossa] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
