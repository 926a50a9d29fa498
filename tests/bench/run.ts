/**
 * `npm run bench`: prints the foundation's figures.
 *  - cold start of the embedded default from an empty data directory to the first source page served
 *    (the production build is made first and not counted);
 *  - JavaScript sent to the browser for a source page, gzipped;
 *  - time to first byte of a source page against a static file from the same server, over 100 requests.
 * Uses its own port and a throw-away data directory; stops everything it started.
 */
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildIfStale } from "../../lib/cli/build-app.ts";
import { sampleTtfb } from "./measure-http.ts";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 3290);
const base = `http://127.0.0.1:${port}`;
const sourcePath = "/en/sources/soviet-note";
const REQUESTS = 100;

await buildIfStale(root);
const dataDir = path.join(await mkdtemp(path.join(tmpdir(), "glossa-bench-")), "data");
const started = performance.now();
const app = spawn("npx", ["tsx", "lib/cli/start.ts"], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: "", GLOSSA_DATA_DIR: dataDir, PORT: String(port) },
  stdio: ["ignore", "pipe", "inherit"],
  detached: true,
});
const stop = () => {
  try {
    process.kill(-app.pid!, "SIGINT");
  } catch {
    /* already gone */
  }
};
process.on("exit", stop);

async function waitForPage(url: string): Promise<number> {
  for (let i = 0; i < 1200; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} was not served within 60 s`);
}

const firstPage = await waitForPage(`${base}${sourcePath}`);
const coldStart = (firstPage - started) / 1000;

const html = await (await fetch(`${base}${sourcePath}`)).text();
// Module scripts only: the nomodule polyfill is never downloaded by the browsers Next supports.
const scripts = [
  ...new Set(
    [...html.matchAll(/<script([^>]*)>/g)]
      .filter((m) => !/nomodule/i.test(m[1]!))
      .map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1])
      .filter((src): src is string => Boolean(src)),
  ),
];
let jsRaw = 0;
let jsGzip = 0;
for (const src of scripts) {
  const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
  jsRaw += body.length;
  jsGzip += gzipSync(body, { level: 9 }).length;
}
const staticFile = scripts[0]!;

// Warm both paths (the first request renders the page into the cache), then measure.
await sampleTtfb(`${base}${sourcePath}`, 10);
await sampleTtfb(new URL(staticFile, base).toString(), 10);
const page = await sampleTtfb(`${base}${sourcePath}`, REQUESTS);
const file = await sampleTtfb(new URL(staticFile, base).toString(), REQUESTS);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(`
Glossa foundation figures (${new Date().toISOString()}, ${process.version})
  Cold start, embedded default, empty data dir → first source page: ${coldStart.toFixed(1)} s (aim < 15 s)
  JavaScript for ${sourcePath}: ${scripts.length} files, ${kb(jsRaw)} raw, ${kb(jsGzip)} gzipped (aim < 150 kB)
  TTFB over ${REQUESTS} sequential requests:
    source page ${sourcePath}: median ${page.median.toFixed(2)} ms, p95 ${page.p95.toFixed(2)} ms
    static file ${staticFile}: median ${file.median.toFixed(2)} ms, p95 ${file.p95.toFixed(2)} ms
    ratio page / static: median ${(page.median / file.median).toFixed(2)}×, p95 ${(page.p95 / file.p95).toFixed(2)}× (aim < 3×)
`);
stop();
process.exit(0);
