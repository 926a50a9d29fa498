import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** What a production build is made from: if none of it changed, the existing build is current. */
const BUILD_INPUTS = [
  "app",
  "lib",
  "next.config.js",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIPPED = new Set(["node_modules", "generated", ".next"]);
export const FINGERPRINT_FILE = ".next/glossa-build-fingerprint";

/** A SHA-256 over the paths and contents of every build input under `root`. */
export async function computeBuildFingerprint(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) {
    for (const file of await listFiles(path.join(root, input))) {
      hash
        .update(path.relative(root, file))
        .update("\0")
        .update(await readFile(file))
        .update("\0");
    }
  }
  return hash.digest("hex");
}

async function listFiles(target: string): Promise<string[]> {
  const entries = await readdir(target, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOTDIR") return null;
    if (error.code === "ENOENT") return [];
    throw error;
  });
  if (entries === null) return [target];
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
