import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Only one process may open a PGlite data directory. Takes `<dataDir>/../<name>.lock` holding our pid,
 * refusing with a clear message while another live process holds it; returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = `${path.resolve(dataDir)}.lock`;
  await mkdir(path.dirname(lockFile), { recursive: true });
  const holder = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
  if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
    throw new Error(
      `Another Glossa (process ${holder}) is using the data directory ${dataDir}. Stop it first, or set GLOSSA_DATA_DIR to another directory.`,
    );
  }
  await writeFile(lockFile, String(process.pid));
  return () => rm(lockFile, { force: true });
}
