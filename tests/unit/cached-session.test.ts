import type { Session } from "next-auth";
import { describe, expect, it, vi } from "vitest";
import { createSessionCache, sessionCookieKey } from "@/lib/auth/cached-session";

const session = (id: string): Session => ({ user: { id }, expires: "2099-01-01T00:00:00.000Z" }) as Session;

describe("sessionCookieKey", () => {
  it("is made of the session cookie(s) only, whatever else the request carries", () => {
    const a = sessionCookieKey([
      { name: "authjs.session-token", value: "abc" },
      { name: "glossa-locale", value: "pl" },
    ]);
    const b = sessionCookieKey([{ name: "authjs.session-token", value: "abc" }]);
    expect(a).toBe(b);
    expect(a).not.toContain("abc");
    expect(sessionCookieKey([{ name: "authjs.session-token", value: "abd" }])).not.toBe(a);
  });

  it("reads chunked and __Secure- cookies, in any order", () => {
    const chunks = [
      { name: "__Secure-authjs.session-token.1", value: "two" },
      { name: "__Secure-authjs.session-token.0", value: "one" },
    ];
    expect(sessionCookieKey(chunks)).toBe(sessionCookieKey([...chunks].reverse()));
    expect(sessionCookieKey(chunks)).not.toBeNull();
  });

  it("is null without a session cookie", () => {
    expect(sessionCookieKey([])).toBeNull();
    expect(sessionCookieKey([{ name: "authjs.csrf-token", value: "x" }])).toBeNull();
    expect(sessionCookieKey([{ name: "xauthjs.session-token", value: "x" }])).toBeNull();
  });
});

describe("the instance's session cache", () => {
  it("decodes a cookie once within the TTL, and each different cookie apart", async () => {
    const cache = createSessionCache();
    const decode = vi.fn(async () => session("u1"));
    expect(await cache.get("k1", decode)).toEqual(session("u1"));
    expect(await cache.get("k1", decode)).toEqual(session("u1"));
    expect(decode).toHaveBeenCalledTimes(1);
    const other = vi.fn(async () => session("u2"));
    expect((await cache.get("k2", other))?.user?.id).toBe("u2");
    expect(other).toHaveBeenCalledTimes(1);
  });

  it("never keeps a cookie that decodes to no session, nor a request without one", async () => {
    const cache = createSessionCache();
    const none = vi.fn(async () => null);
    await cache.get("forged", none);
    await cache.get("forged", none);
    expect(none).toHaveBeenCalledTimes(2);
    const anonymous = vi.fn(async () => null);
    await cache.get(null, anonymous);
    await cache.get(null, anonymous);
    expect(anonymous).toHaveBeenCalledTimes(2);
  });

  it("decodes again after the TTL, and holds at most `max` sessions", async () => {
    const cache = createSessionCache({ ttlMs: 20, max: 2 });
    const decode = vi.fn(async () => session("u1"));
    await cache.get("k1", decode);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await cache.get("k1", decode);
    expect(decode).toHaveBeenCalledTimes(2);

    const small = createSessionCache({ max: 2 });
    const decodes = vi.fn(async () => session("u"));
    for (const key of ["a", "b", "c", "a"]) await small.get(key, decodes);
    // "a" was dropped when "c" came (least recently used), so it was decoded again.
    expect(decodes).toHaveBeenCalledTimes(4);
  });
});
