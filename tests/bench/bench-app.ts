import { startBenchServer, type BenchServer } from "./bench-server.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";

export interface BenchApp {
  server: BenchServer;
  /** Stops the app and drops its scratch database (kept with BENCH_KEEP_DATABASE=1, its address printed). */
  close(): Promise<void>;
}

/**
 * The app as a benchmark measures it: the production build (made beforehand) served on `port` until
 * `readyPath` answers, on a new scratch database of BENCH_DATABASE_URL's PostgreSQL server, or on
 * its embedded database without one. BENCH_KEEP_DATABASE=1 keeps the scratch database, to look at
 * the queries' plans afterwards.
 */
export async function openBenchApp(options: {
  root: string;
  port: number;
  readyPath: string;
}): Promise<BenchApp> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const scratch: ScratchDatabase | null = serverUrl ? await createScratchDatabase(serverUrl) : null;
  const dropScratch = async () => {
    if (scratch && process.env.BENCH_KEEP_DATABASE === "1") console.log(`kept: ${scratch.connectionString}`);
    else
      await scratch
        ?.drop()
        .catch((error: unknown) => console.warn(`scratch database not dropped: ${String(error)}`));
  };
  let server: BenchServer;
  try {
    server = await startBenchServer({ ...options, databaseUrl: scratch?.connectionString });
  } catch (error) {
    await dropScratch();
    throw error;
  }
  return {
    server,
    close: async () => {
      await server.stop();
      await dropScratch();
    },
  };
}
