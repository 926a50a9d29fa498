import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Session } from "next-auth";

/**
 * Reading a session cookie costs Auth.js a key derivation and an AES-GCM decryption, and (for the
 * rolling expiry it then throws away outside its own routes) an encryption: on every request. A class
 * whose pages fetch the index after each change pays that hundreds of times a second for the same few
 * dozen cookies, so the decoded session is kept here, per app instance, for a short while.
 *
 * Safe to keep in one process: it only spares decoding what the request itself carries. Whether the
 * session still holds is decided on every request from the database (user-of-session.ts: the user
 * exists, and the session's version is theirs), so signing out, a new password and a removed
 * member take effect at once on every instance, cached or not.
 *
 * Bounded: at most MAX_SESSIONS entries (each a few hundred bytes: a few MiB), each dropped after
 * TTL_MS; keyed by a SHA-256 of the cookie, so the process holds no bearer secret beyond the request.
 * Only sessions are kept; a cookie that decodes to none (expired, forged) is decoded every time.
 */
const MAX_SESSIONS = 10_000;
const TTL_MS = 60_000;

/** The cookies Auth.js keeps a session in (chunked as `.0`, `.1`… when large; `__Secure-` on HTTPS). */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/u;

export interface CookieLike {
  name: string;
  value: string;
}

/** The session cookie(s) of a request as one key, or null when it carries none. */
export function sessionCookieKey(cookies: readonly CookieLike[]): string | null {
  const parts = cookies
    .filter((cookie) => SESSION_COOKIE.test(cookie.name))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .sort();
  if (parts.length === 0) return null;
  return createHash("sha256").update(parts.join("\n")).digest("base64url");
}

export interface SessionCache {
  /** The session for `key`, decoded with `decode` unless decoded within the TTL. */
  get(key: string | null, decode: () => Promise<Session | null>): Promise<Session | null>;
}

export function createSessionCache(options: { max?: number; ttlMs?: number } = {}): SessionCache {
  const cache = new LRUCache<string, Session>({
    max: options.max ?? MAX_SESSIONS,
    ttl: options.ttlMs ?? TTL_MS,
    ttlAutopurge: false,
  });
  return {
    async get(key, decode) {
      if (key === null) return decode();
      const kept = cache.get(key);
      if (kept) return kept;
      const session = await decode();
      if (session) cache.set(key, session);
      return session;
    },
  };
}
