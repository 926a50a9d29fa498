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
import {
  countSignUp,
  PASSWORD_RESETS_PER_ADDRESS,
  PASSWORD_RESETS_PER_EMAIL,
  signUpsPerAddress,
} from "@/lib/auth/account-request-limits";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { signUp } from "@/lib/auth/sign-up";
import { joinByCode } from "@/lib/groups/join-by-code";
import { WRONG_JOIN_CODES_PER_ADDRESS, WRONG_JOIN_CODES_PER_USER } from "@/lib/groups/join-code-guesses";
import { toActionState } from "@/lib/http/action-state";
import { handleRoute } from "@/lib/http/error-response";
import { applyTrustedHeaders, parseTrustedProxies } from "@/lib/http/trusted-proxy";
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
import { createGroupWith, createUser, uniqueKey } from "../support/factories";
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

/**
 * A request from the client at `from` (the TCP peer) as Glossa's server hands it to the app: the
 * headers go through the same rewrite as in lib/cli/serve.ts, with no trusted proxy configured, so a
 * header the client adds (`sent`) counts for nothing it should not.
 */
const request = (path: string, from: string, sent: Record<string, string> = {}) => {
  const headers: Record<string, string | string[] | undefined> = {
    "content-type": "application/json",
    ...sent,
  };
  applyTrustedHeaders(
    headers,
    { peer: from, localAddress: "127.0.0.1", localPort: 3000 },
    { proxies: parseTrustedProxies(undefined) },
  );
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: headers as Record<string, string>,
    body: JSON.stringify(passage()),
  });
};

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
  it("answers 201 with a new link, 200 with the same link when the passage is asked again, widened to words", async () => {
    const start = edition.text.indexOf("Rumunii i Węgier");
    // "umunii i Węg": cut inside the first and the last word.
    const cut = {
      source: "kuty-directive",
      editionNumber: edition.number,
      start: start + 1,
      end: start + 12,
    };
    const post = (body: object) =>
      postPermalink(
        new Request("http://localhost:3000/api/permalinks", {
          method: "POST",
          headers: request("/api/permalinks", address()).headers,
          body: JSON.stringify(body),
        }),
      );
    await testDatabase().prisma.permalink.deleteMany({
      where: {
        edition: { source: { slug: "kuty-directive" } },
        start,
        end: start + "Rumunii i Węgier".length,
      },
    });
    const made = await post(cut);
    expect(made.status).toBe(201);
    const link = (await made.json()) as { id: string; path: string; start: number; end: number };
    expect(link).toEqual({
      id: expect.stringMatching(/^[0-9A-Za-z]{10}$/u),
      path: `/p/${link.id}`,
      start,
      end: start + "Rumunii i Węgier".length,
    });
    const again = await post({ ...cut, start, end: link.end });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(link);
  });

  it(`refuses a reader's permalinks and citations after ${PERMALINKS_PER_USER} in the window`, async () => {
    const ada = await createUser();
    const from = address();
    for (let i = 0; i < PERMALINKS_PER_USER - 1; i++) {
      await countPermalinkCreation({ actor: ada.actor, address: address() });
    }
    session.actor = ada.actor;
    const last = await postPermalink(request("/api/permalinks", from));
    // 201 if this made the passage's link, 200 if an earlier test did.
    expect(last.status).toBeOneOf([200, 201]);
    expect(await last.json()).toMatchObject({ id: expect.stringMatching(/^[0-9A-Za-z]{10}$/u) });

    await expectRateLimited(await postPermalink(request("/api/permalinks", from)));
    await expectRateLimited(await postCitation(request("/api/citations?locale=pl", from)));

    // Someone else signed in at the same address, and an anonymous reader there, may still cite.
    session.actor = (await createUser()).actor;
    expect((await postCitation(request("/api/citations?locale=pl", from))).status).toBe(200);
    session.actor = null;
    expect((await postPermalink(request("/api/permalinks", from))).status).toBeOneOf([200, 201]);
  });

  it(`refuses an address after ${PERMALINKS_PER_ADDRESS} anonymous creations`, async () => {
    const from = address();
    await Promise.all(
      Array.from({ length: PERMALINKS_PER_ADDRESS - 1 }, () =>
        countPermalinkCreation({ actor: null, address: from }),
      ),
    );
    expect((await postCitation(request("/api/citations?locale=en", from))).status).toBe(200);
    await expectRateLimited(await postCitation(request("/api/citations?locale=en", from)));
    await expectRateLimited(await postPermalink(request("/api/permalinks", from)));
    expect((await postPermalink(request("/api/permalinks", address()))).status).toBeOneOf([200, 201]);
  });

  it("counts a client by its connection: a forged X-Forwarded-For neither escapes the limit nor shares one", async () => {
    const from = address();
    const victim = address();
    await Promise.all(
      Array.from({ length: PERMALINKS_PER_ADDRESS }, () =>
        countPermalinkCreation({ actor: null, address: from }),
      ),
    );
    // A new X-Forwarded-For (or X-Real-IP) on each request does not give the client a new allowance…
    for (const forged of [address(), `${address()}, ${address()}`]) {
      await expectRateLimited(
        await postPermalink(
          request("/api/permalinks", from, { "X-Forwarded-For": forged, "X-Real-IP": forged }),
        ),
      );
    }
    // …nor does naming another client put that client's allowance to use: the victim is not limited.
    await expectRateLimited(
      await postPermalink(request("/api/permalinks", from, { "X-Forwarded-For": victim })),
    );
    expect((await postPermalink(request("/api/permalinks", victim))).status).toBeOneOf([200, 201]);
    // And two direct clients are two buckets (not one shared "direct" one).
    expect((await postPermalink(request("/api/permalinks", address()))).status).toBeOneOf([200, 201]);
    const [row] = await testDatabase().query<{ points: number }>(
      "SELECT points FROM rate_limits WHERE key = $1",
      [`permalink:address:${victim}`],
    );
    expect(row?.points).toBe(1);
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

describe("guessing join codes", () => {
  /** A well-formed code that no group has (codes are 7 of 31 characters: a miss is near certain). */
  const wrongCode = () => `ZZZ-${uniqueKey().slice(0, 4).toUpperCase().replace(/[01]/gu, "Z")}`;
  const limited = { code: "RATE_LIMITED", message: "tooManyAttempts" };

  it(`holds a user after ${WRONG_JOIN_CODES_PER_USER} wrong codes, even the right one, and no one else`, async () => {
    const group = await createGroupWith({ instructor: await createUser() });
    const guesser = await createUser();
    for (let i = 0; i < WRONG_JOIN_CODES_PER_USER; i++) {
      await expect(joinByCode(guesser.actor, wrongCode(), address())).rejects.toMatchObject({
        message: "joinCodeUnknown",
      });
    }
    const refused = joinByCode(guesser.actor, group.joinCode, address());
    await expect(refused).rejects.toMatchObject(limited);
    expect(toActionState(await refused.catch((e: unknown) => e))).toMatchObject({
      status: "error",
      error: "tooManyAttempts",
      values: { minutes: 15 },
    });
    const classmate = await createUser();
    await expect(joinByCode(classmate.actor, group.joinCode, address())).resolves.toEqual({
      groupId: group.id,
    });
  });

  it(`holds an address after ${WRONG_JOIN_CODES_PER_ADDRESS} wrong codes from any accounts there`, async () => {
    const group = await createGroupWith({ instructor: await createUser() });
    const from = address();
    const accounts = await Promise.all(Array.from({ length: 3 }, () => createUser()));
    for (let i = 0; i < WRONG_JOIN_CODES_PER_ADDRESS; i++) {
      await joinByCode(accounts[i % 3]!.actor, wrongCode(), from).catch(() => {});
    }
    await expect(joinByCode((await createUser()).actor, group.joinCode, from)).rejects.toMatchObject(limited);
    await expect(joinByCode((await createUser()).actor, group.joinCode, address())).resolves.toEqual({
      groupId: group.id,
    });
  });

  it("does not count right codes: a whole class joins from one address", async () => {
    const group = await createGroupWith({ instructor: await createUser() });
    const from = address();
    const students = await Promise.all(
      Array.from({ length: WRONG_JOIN_CODES_PER_ADDRESS + 1 }, () => createUser()),
    );
    for (const student of students) {
      await expect(joinByCode(student.actor, group.joinCode, from)).resolves.toEqual({ groupId: group.id });
    }
  });
});

describe("the account forms anyone may post", () => {
  const limited = { code: "RATE_LIMITED", message: "tooManyAttempts" };
  const email = () => `someone.${uniqueKey()}@example.test`;

  it(`allows ${PASSWORD_RESETS_PER_EMAIL} reset requests per email, whether or not it has an account`, async () => {
    for (const target of [(await createUser()).email, email()]) {
      for (let i = 0; i < PASSWORD_RESETS_PER_EMAIL; i++) {
        await expect(requestPasswordReset(target, address())).resolves.toBeUndefined();
      }
      await expect(requestPasswordReset(target, address())).rejects.toMatchObject(limited);
    }
  });

  it(`allows ${PASSWORD_RESETS_PER_ADDRESS} reset requests per address`, async () => {
    const from = address();
    for (let i = 0; i < PASSWORD_RESETS_PER_ADDRESS; i++) await requestPasswordReset(email(), from);
    await expect(requestPasswordReset(email(), from)).rejects.toMatchObject(limited);
    await expect(requestPasswordReset(email(), address())).resolves.toBeUndefined();
  });

  it(`allows ${signUpsPerAddress()} sign-ups per address an hour, and makes no account past them`, async () => {
    const from = address();
    await Promise.all(Array.from({ length: signUpsPerAddress() - 1 }, () => countSignUp(from)));
    const input = () => ({ name: "Ada", email: email(), password: "correct horse battery" });
    await expect(signUp(input(), "en", from)).resolves.toEqual({ id: expect.any(String) });
    const refused = input();
    await expect(signUp(refused, "en", from)).rejects.toMatchObject(limited);
    expect(await testDatabase().prisma.user.count({ where: { email: refused.email } })).toBe(0);
    await expect(signUp(input(), "en", address())).resolves.toEqual({ id: expect.any(String) });
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
