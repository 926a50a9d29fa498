/**
 * `npm run bench:auth`: sign-in figures with the chosen argon2id parameters.
 *  - argon2id verify time, median and p95 over 50 runs (one at a time);
 *  - verifies per second with 1, 2, 4 and 8 running at once (how many sign-ins two cores hold);
 *  - with BENCH_URL (e.g. http://127.0.0.1:3000 of a running `npm start`): a whole credentials
 *    sign-in over HTTP, median and p95 over 30 sign-ins of a throw-away account it makes first, and
 *    whole sign-ins per second with 8 at once.
 */
import { hashPassword, verifyPassword, ARGON2_OPTIONS } from "../../lib/auth/password.ts";
import { percentile } from "./measure-http.ts";
import { signInThroughApi } from "./sign-in.ts";

const password = "correct horse battery staple";
const hash = await hashPassword(password);

const single: number[] = [];
for (let i = 0; i < 50; i++) {
  const started = performance.now();
  await verifyPassword(hash, password);
  single.push(performance.now() - started);
}
single.sort((a, b) => a - b);

async function throughput(concurrency: number, seconds = 3): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await verifyPassword(hash, password);
        done++;
      }
    }),
  );
  return done / seconds;
}

const rows: string[] = [];
for (const concurrency of [1, 2, 4, 8])
  rows.push(`${concurrency}: ${(await throughput(concurrency)).toFixed(0)}/s`);

console.log(`
Sign-in figures (${new Date().toISOString()}, argon2id m=${ARGON2_OPTIONS.memoryCost} KiB, t=${ARGON2_OPTIONS.timeCost}, p=${ARGON2_OPTIONS.parallelism})
  argon2id verify: median ${percentile(single, 50).toFixed(1)} ms, p95 ${percentile(single, 95).toFixed(1)} ms
  verifies per second by concurrency: ${rows.join(", ")}`);

const base = process.env.BENCH_URL;
if (base) {
  const email = `bench-${Date.now()}@example.org`;
  await signUpThroughApi(base, email);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    const ok = (await signInThroughApi(base, email, password)) !== null;
    times.push(performance.now() - started);
    if (!ok) throw new Error("sign-in failed");
  }
  times.sort((a, b) => a - b);
  console.log(
    `  HTTP credentials sign-in at ${base}: median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
  );
  // Whole sign-ins per second the server holds with 8 running at once, for 5 seconds.
  const seconds = 5;
  const deadline = performance.now() + seconds * 1000;
  let signedIn = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (performance.now() < deadline) if (await signInThroughApi(base, email, password)) signedIn++;
    }),
  );
  console.log(`  HTTP credentials sign-ins per second, 8 at once: ${(signedIn / seconds).toFixed(0)}/s`);
}

async function signUpThroughApi(origin: string, account: string): Promise<void> {
  const { execFileSync } = await import("node:child_process");
  // The sign-up form is a server action; the benchmark makes the account the way an operator could.
  execFileSync("npx", ["tsx", "tests/bench/create-bench-user.ts", account, password], {
    stdio: "inherit",
    env: { ...process.env, BENCH_URL: origin },
  });
}
