import { hash, verify } from "@node-rs/argon2";

/** argon2id in @node-rs/argon2's Algorithm enum (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 10 ms per hash on
 * this project's 2-core machines, slow enough to make guessing expensive, fast enough for a seminar
 * signing in at once (`npm run bench:auth` prints the figures).
 */
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Whether `password` matches `passwordHash`; false (not an error) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the email is unknown, so an unknown email takes
 * as long as a wrong password and the answer reveals nothing about which accounts exist.
 */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  return (decoyHash ??= hashPassword(crypto.randomUUID()));
}
