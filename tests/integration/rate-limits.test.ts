/**
 * Rate limits on making permalinks (POST /api/permalinks, and POST /api/citations, which makes one):
 * counted in PostgreSQL by rate-limiter-flexible, per signed-in user or else per client address, and
 * refused with 429, Retry-After and a message the reader can read in both languages.
 */
import { createTranslator } from "next-intl";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postCitation } from "@/app/api/citations/route";
import { POST as postPermalink } from "@/app/api/permalinks/route";
import type { Actor } from "@/lib/auth/policy";
import { handleRoute } from "@/lib/http/error-response";
import en from "@/lib/i18n/messages/en.json";
import pl from "@/lib/i18n/messages/pl.json";
import {
  countPermalinkCreation,
  PERMALINK_WINDOW_SECONDS,
  PERMALINKS_PER_ADDRESS,
  PERMALINKS_PER_USER,
  permalinkCreationLimit,
  permalinkWithinLimit,
  type PermalinkRequester,
} from "@/lib/permalinks/creation-limit";
import { importedEdition, type TestEdition } from "../support/annotation-factories";
import { createUser, uniqueKey } from "../support/factories";
import { testDatabase } from "../support/test-database";

// The session is the one thing not run for real: route handlers outside Next have no request scope for
// Auth.js to read a cookie from. The test says who is signed in; everything after that is real.
const session = vi.hoisted(() => ({ actor: null as Actor }));
vi.mock("@/lib/auth/get-current-user", () => ({ getActor: () => Promise.resolve(session.actor) }));

let edition: TestEdition;
beforeAll(async () => {
  edition = await importedEdition("kuty-directive");
});
beforeEach(() => {
  session.actor = null;
});

/** A distinct client address, so each test starts with a fresh allowance. */
const address = () => `198.51.100.${uniqueKey()}`;

const passage = () => {
  const start = edition.text.indexOf("Z bolszewikami nie walczyć");
  return { source: "kuty-directive", editionNumber: edition.number, start, end: start + 26 };
};

const request = (path: string, from: string) =>
  new Request(`https://glossa.example${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": `${from}, 10.0.0.1` },
    body: JSON.stringify(passage()),
  });

/** Asserts a 429 from the rate limit and returns its Retry-After in seconds. */
async function expectRateLimited(response: Response): Promise<number> {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("Retry-After"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(PERMALINK_WINDOW_SECONDS);
  expect(await response.json()).toEqual({
    error: { code: "RATE_LIMITED", message: "citeRateLimited", details: { retryAfterSeconds: retryAfter } },
  });
  return retryAfter;
}

describe("the permalink rate limit, with lower limits", () => {
  const limits = { perUser: 2, perAddress: 3, windowSeconds: 600 };
  const limit = permalinkCreationLimit(limits);
  /** One creation counted, as the routes answer it: 204 when allowed, else the mapped error. */
  const attempt = (requester: PermalinkRequester) =>
    handleRoute(async () => {
      await limit(requester);
      return new Response(null, { status: 204 });
    });

  it("refuses an address past its limit, and no other address or signed-in reader there", async () => {
    const from = address();
    for (let i = 0; i < limits.perAddress; i++) {
      expect((await attempt({ actor: null, address: from })).status).toBe(204);
    }
    await expectRateLimited(await attempt({ actor: null, address: from }));
    // The count is a row in PostgreSQL that every app instance reads and writes.
    const [row] = await testDatabase().query<{ points: number }>(
      "SELECT points FROM rate_limits WHERE key = $1",
      [`permalink:address:${from}`],
    );
    expect(row?.points).toBe(limits.perAddress + 1);
    // Another instance (its own limiter, the same table) refuses the address too.
    await expectRateLimited(
      await handleRoute(async () => {
        await permalinkCreationLimit(limits)({ actor: null, address: from });
        return new Response(null, { status: 204 });
      }),
    );

    expect((await attempt({ actor: null, address: address() })).status).toBe(204);
    const signedIn = await createUser();
    expect((await attempt({ actor: signedIn.actor, address: from })).status).toBe(204);
  });

  it("counts a signed-in reader by account, from any address", async () => {
    const ada = await createUser();
    const bob = await createUser();
    for (let i = 0; i < limits.perUser; i++) {
      expect((await attempt({ actor: ada.actor, address: address() })).status).toBe(204);
    }
    await expectRateLimited(await attempt({ actor: ada.actor, address: address() }));
    const from = address();
    expect((await attempt({ actor: bob.actor, address: from })).status).toBe(204);
    expect((await attempt({ actor: null, address: from })).status).toBe(204);
  });

  it("the quote checker's link: made within the allowance, left out past it, nothing written then", async () => {
    const from = address();
    const ids: (string | null)[] = [];
    for (let i = 0; i < limits.perAddress; i++) {
      ids.push(await permalinkWithinLimit({ actor: null, address: from }, passage(), limit));
    }
    expect(ids.every((id) => typeof id === "string" && id === ids[0])).toBe(true);
    const other = { ...passage(), end: passage().end - 1 };
    const rows = await testDatabase().prisma.permalink.count();
    expect(await permalinkWithinLimit({ actor: null, address: from }, other, limit)).toBeNull();
    expect(await testDatabase().prisma.permalink.count()).toBe(rows);
    expect(await permalinkWithinLimit({ actor: null, address: address() }, other, limit)).toEqual(
      expect.any(String),
    );
  });
});

describe("the routes, with the real limits", () => {
  it(`refuses a reader's permalinks and citations after ${PERMALINKS_PER_USER} in the window`, async () => {
    const ada = await createUser();
    const from = address();
    for (let i = 0; i < PERMALINKS_PER_USER - 1; i++) {
      await countPermalinkCreation({ actor: ada.actor, address: address() });
    }
    session.actor = ada.actor;
    const last = await postPermalink(request("/api/permalinks", from));
    expect(last.status).toBe(201);
    expect(await last.json()).toMatchObject({ id: expect.stringMatching(/^[0-9A-Za-z]{10}$/u) });

    await expectRateLimited(await postPermalink(request("/api/permalinks", from)));
    await expectRateLimited(await postCitation(request("/api/citations?locale=pl", from)));

    // Someone else signed in at the same address, and an anonymous reader there, may still cite.
    session.actor = (await createUser()).actor;
    expect((await postCitation(request("/api/citations?locale=pl", from))).status).toBe(200);
    session.actor = null;
    expect((await postPermalink(request("/api/permalinks", from))).status).toBe(201);
  });

  it(`refuses an address after ${PERMALINKS_PER_ADDRESS} anonymous creations, by X-Forwarded-For`, async () => {
    const from = address();
    await Promise.all(
      Array.from({ length: PERMALINKS_PER_ADDRESS - 1 }, () =>
        countPermalinkCreation({ actor: null, address: from }),
      ),
    );
    expect((await postCitation(request("/api/citations?locale=en", from))).status).toBe(200);
    await expectRateLimited(await postCitation(request("/api/citations?locale=en", from)));
    await expectRateLimited(await postPermalink(request("/api/permalinks", from)));
    expect((await postPermalink(request("/api/permalinks", address()))).status).toBe(201);
  });

  it("does not count a request refused before any work (another site's page)", async () => {
    const from = address();
    const crossSite = request("/api/permalinks", from);
    crossSite.headers.set("Sec-Fetch-Site", "cross-site");
    expect((await postPermalink(crossSite)).status).toBe(403);
    const rows = await testDatabase().query("SELECT 1 FROM rate_limits WHERE key = $1", [
      `permalink:address:${from}`,
    ]);
    expect(rows).toEqual([]);
  });
});

describe("the refusal's message", () => {
  it("names the minutes to wait, in English and in Polish", () => {
    const english = createTranslator({ locale: "en", messages: en, namespace: "errors" });
    const polish = createTranslator({ locale: "pl", messages: pl, namespace: "errors" });
    expect(english("citeRateLimited", { minutes: 1 })).toBe(
      "Too many citations and links in a short time. Try again in 1 minute.",
    );
    expect(english("citeRateLimited", { minutes: 10 })).toContain("Try again in 10 minutes.");
    expect(polish("citeRateLimited", { minutes: 1 })).toBe(
      "Zbyt wiele przypisów i linków w krótkim czasie. Spróbuj ponownie za 1 minutę.",
    );
    expect(polish("citeRateLimited", { minutes: 3 })).toContain("za 3 minuty.");
    expect(polish("citeRateLimited", { minutes: 10 })).toContain("za 10 minut.");
  });
});
