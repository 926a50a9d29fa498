import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { embeddedUrlFile } from "../../lib/cli/database-url.ts";

export interface BenchServer {
  /** e.g. http://127.0.0.1:3291 */
  origin: string;
  /** The database the app runs on: `databaseUrl` when given, else its embedded one. */
  databaseUrl: string;
  /** The process group the app runs in (`npm start` and its children): for CPU and memory figures. */
  pid: number;
  /** Stops the app (and its embedded database) and waits until it has exited; safe to call twice. */
  stop(): Promise<void>;
  /** Kills the app at once (SIGKILL, as a crashed machine would), and waits until it has exited. */
  crash(): Promise<void>;
}

/** How long the app may take from `npm start` to its first page (the build is made beforehand). */
const START_TIMEOUT_MS = 120_000;

/**
 * Starts `npm start` (`lib/cli/start.ts`) from `root` on `port` with a throw-away data directory and
 * waits until `readyPath` is served. With `databaseUrl` the app uses that PostgreSQL; otherwise its
 * embedded database, whose address start.ts leaves in `<dataDir>.url`. The app is also stopped if
 * this process exits first.
 */
export async function startBenchServer(options: {
  root: string;
  port: number;
  readyPath: string;
  databaseUrl?: string;
  /** The embedded database's data directory, kept afterwards (e.g. to start the app on it again). */
  dataDir?: string;
}): Promise<BenchServer> {
  const scratch = await mkdtemp(path.join(tmpdir(), "glossa-bench-"));
  const dataDir = options.dataDir ?? path.join(scratch, "data");
  const app = spawn("npx", ["tsx", "lib/cli/start.ts"], {
    cwd: options.root,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl ?? "",
      GLOSSA_DATA_DIR: dataDir,
      PORT: String(options.port),
      GLOSSA_HOST: "127.0.0.1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => app.once("exit", () => resolve()));
  const kill = (signal: NodeJS.Signals = "SIGINT") => {
    try {
      process.kill(-app.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  const killOnExit = () => kill();
  process.on("exit", killOnExit);
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      kill();
      await exited;
      process.off("exit", killOnExit);
      await rm(scratch, { recursive: true, force: true });
    })());

  const origin = `http://127.0.0.1:${options.port}`;
  try {
    await waitForPage(
      `${origin}${options.readyPath}`,
      () => app.exitCode !== null || app.signalCode !== null,
    );
    const databaseUrl = options.databaseUrl ?? (await readFile(embeddedUrlFile(dataDir), "utf8")).trim();
    const crash = async () => {
      kill("SIGKILL");
      await stop();
    };
    return { origin, databaseUrl, pid: app.pid!, stop, crash };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForPage(url: string, hasExited: () => boolean): Promise<void> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (hasExited()) throw new Error("the app exited before serving its first page");
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} was not served within ${START_TIMEOUT_MS / 1000} s`);
}
