import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { idSegment, text } from "../../lib/http/input-schemas";
import { route, tagged } from "../../lib/http/route";

// The wrapper reads the session only for routes that ask who calls; here nobody is signed in.
vi.mock("@/lib/auth/get-current-user", () => ({ getActor: async () => null }));

const ORIGIN = "https://glossa.example";
const call = (
  handler: ReturnType<typeof route>,
  init: RequestInit & { path?: string; params?: Record<string, string> } = {},
) =>
  handler(new Request(`${ORIGIN}${init.path ?? "/api/x"}`, init), {
    params: Promise.resolve(init.params ?? {}),
  });
const errorOf = async (response: Response) => [
  response.status,
  ((await response.json()) as { error: { message: string } }).error.message,
];

describe("route(): what every handler gets without saying so", () => {
  const echo = route({ body: "json" }, async ({ body }) => ({ got: body }));

  it("refuses a write from another site, unless the route says why it may come", async () => {
    const from = (origin: string) => ({
      method: "POST",
      headers: {
        origin,
        host: "glossa.example",
        "x-forwarded-proto": "https",
        "content-type": "application/json",
      },
      body: "{}",
    });
    expect(await errorOf(await call(echo, from("https://elsewhere.example")))).toEqual([
      403,
      "crossSiteRequest",
    ]);
    expect((await call(echo, from(ORIGIN))).status).toBe(200);
    const open = route({ crossSiteAllowedBecause: "a test" }, async () => ({}));
    expect((await call(open, from("https://elsewhere.example"))).status).toBe(200);
  });

  it("answers a segment that cannot be an id 404, a query with NUL 422, an anonymous caller 401", async () => {
    const byId = route({ params: z.object({ id: idSegment("annotationNotFound") }) }, async () => ({}));
    expect(await errorOf(await call(byId, { params: { id: "a\u0000" } }))).toEqual([
      404,
      "annotationNotFound",
    ]);
    const byQuery = route({ query: z.object({ q: text().optional() }) }, async () => ({}));
    expect(await errorOf(await call(byQuery, { path: "/api/x?q=%00" }))).toEqual([422, "textInvalid"]);
    const signedIn = route({ caller: "signed-in" }, async () => ({}));
    expect(await errorOf(await call(signedIn))).toEqual([401, "signInRequired"]);
  });

  it("answers a conditional GET with 304 when If-None-Match names the tag, else the body with its ETag", async () => {
    const index = route({}, async () => tagged('"v1"', { items: [] }));
    const fresh = await call(index);
    expect([fresh.status, fresh.headers.get("etag"), fresh.headers.get("cache-control")]).toEqual([
      200,
      '"v1"',
      "private, no-store",
    ]);
    expect(await fresh.json()).toEqual({ items: [] });
    const unchanged = await call(index, { headers: { "if-none-match": 'W/"v0", "v1"' } });
    expect([unchanged.status, unchanged.headers.get("etag"), await unchanged.text()]).toEqual([
      304,
      '"v1"',
      "",
    ]);
  });

  it("sets Cache-Control on a Response the handler made, even one with immutable headers", async () => {
    const redirect = route({}, async () => Response.redirect(`${ORIGIN}/en`, 302));
    const response = await call(redirect);
    expect([
      response.status,
      response.headers.get("location"),
      response.headers.get("cache-control"),
    ]).toEqual([302, `${ORIGIN}/en`, "private, no-store"]);
    const open = route({ cache: "public" }, async () => ({ public: true }));
    expect((await call(open)).headers.get("cache-control")).toBeNull();
  });
});
