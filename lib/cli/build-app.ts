import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { computeBuildFingerprint, FINGERPRINT_FILE } from "./build-fingerprint.ts";

const require = createRequire(import.meta.url);
export const NEXT_BIN = require.resolve("next/dist/bin/next");

/**
 * Runs `next build` unless `.next` already holds a build of exactly the current code (same
 * fingerprint). Returns whether it built. The build needs no database.
 */
export async function buildIfStale(root: string, options: { force?: boolean } = {}): Promise<boolean> {
  const fingerprint = await computeBuildFingerprint(root);
  const fingerprintFile = path.join(root, FINGERPRINT_FILE);
  const built = await readFile(fingerprintFile, "utf8").catch(() => "");
  if (!options.force && built === fingerprint && existsSync(path.join(root, ".next/BUILD_ID"))) return false;
  const code = await new Promise<number>((resolve) => {
    spawn(process.execPath, [NEXT_BIN, "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    }).on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  if (code !== 0) throw new Error("next build failed");
  await writeFile(fingerprintFile, fingerprint);
  return true;
}
