/**
 * `npm test`: unit, DOM and integration tests (vitest), then end-to-end tests (Playwright on a
 * production build), then tests of real app instances (vitest's `instances` project: `npm start`
 * twice on one database, one killed), ending with one line `Tests: N passed, N failed`.
 *
 * With DATABASE_URL pointing at a PostgreSQL server, integration tests make a database of their own
 * per file on it, and the end-to-end run gets a fresh database too (dropped afterwards). Without it,
 * everything runs on the embedded PostgreSQL (PGlite): no server needed.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");
process.chdir(root);
const resultsDir = path.join(root, "test-results");

/**
 * Runs a command with its output shown as it comes, and keeps the last lines of that output: when a
 * runner fails without a failed test (an unhandled error, a hook or teardown that threw), they are
 * printed again under the summary, where a log read from its end shows them.
 */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; tail: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["inherit", "pipe", "pipe"], env });
    let tail = "";
    const keep = (chunk: Buffer, to: NodeJS.WriteStream) => {
      to.write(chunk);
      tail = (tail + chunk.toString("utf8")).slice(-20_000);
    };
    child.stdout.on("data", (chunk: Buffer) => keep(chunk, process.stdout));
    child.stderr.on("data", (chunk: Buffer) => keep(chunk, process.stderr));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), tail }));
  });
}

async function readJson<T>(file: string): Promise<T | null> {
  return JSON.parse(await readFile(file, "utf8").catch(() => "null")) as T | null;
}

async function withFreshDatabase<T>(
  serverUrl: string | undefined,
  work: (url: string) => Promise<T>,
): Promise<T> {
  if (!serverUrl) return work("");
  const name = `glossa_e2e_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
}

await rm(resultsDir, { recursive: true, force: true });
await mkdir(resultsDir, { recursive: true });
const vitestJson = path.join(resultsDir, "vitest.json");
const instancesJson = path.join(resultsDir, "instances.json");
const vitestProjects = (projects: string[], json: string) =>
  run("npx", [
    "vitest",
    "run",
    "--config",
    "tests/vitest.config.ts",
    ...projects.flatMap((project) => ["--project", project]),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${json}`,
  ]);
const vitestRun = await vitestProjects(["unit", "dom", "integration"], vitestJson);

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? undefined;
const e2eRun = await withFreshDatabase(serverUrl || undefined, (url) =>
  run("npx", ["playwright", "test", "--config", "tests/e2e/playwright.config.ts"], {
    ...process.env,
    E2E_DATABASE_URL: url,
  }),
);

// Real app instances last: the end-to-end run has made sure the build is there.
const instancesRun = await vitestProjects(["instances"], instancesJson);

type VitestReport = { numPassedTests: number; numFailedTests: number };
const vitest = await readJson<VitestReport>(vitestJson);
const instances = await readJson<VitestReport>(instancesJson);
const playwright = await readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(
  path.join(resultsDir, "playwright.json"),
);
const passed =
  (vitest?.numPassedTests ?? 0) + (instances?.numPassedTests ?? 0) + (playwright?.stats.expected ?? 0);
const vitestCode = vitestRun.code;
const e2eCode = e2eRun.code;
const instancesCode = instancesRun.code;
// A runner that exits non-zero with no failed test (an unhandled error, a hook or a teardown that
// threw) counts as one failure, and what it printed last is shown again below the summary.
const silentFailures = [
  vitestCode !== 0 && vitest?.numFailedTests === 0 ? { name: "vitest", ...vitestRun } : null,
  e2eCode !== 0 && playwright?.stats.unexpected === 0 ? { name: "playwright", ...e2eRun } : null,
  instancesCode !== 0 && instances?.numFailedTests === 0 ? { name: "instances", ...instancesRun } : null,
].filter((entry) => entry !== null);
// A runner that crashed before reporting counts as one failure, so a broken run is never green.
const failed =
  (vitest ? vitest.numFailedTests : 1) +
  (instances ? instances.numFailedTests : 1) +
  (playwright ? playwright.stats.unexpected + playwright.stats.flaky : 1) +
  silentFailures.length;
for (const { name, code, tail } of silentFailures) {
  const lines = tail.trimEnd().split("\n").slice(-80).join("\n");
  console.log(
    `\n${name} exited with code ${code} although none of its tests failed; its last lines:\n${lines}`,
  );
}
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && vitestCode === 0 && e2eCode === 0 && instancesCode === 0 ? 0 : 1);
