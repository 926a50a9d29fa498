/**
 * Hostile input to every write endpoint and every server action, called in-process with a signed-in
 * session: NUL and other control characters, lone surrogates, numbers past the integer columns, deep
 * nesting and wrong types, in bodies, forms, query parameters, URL segments and bound arguments. No
 * answer is a 5xx (an action never throws anything but a redirect), and a refusal leaves the database
 * exactly as it was. The cases the issue names are pinned first, each with the answer a user gets.
 */
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { ASSIGNMENT_FORM_FIELDS } from "@/lib/assignments/schema";
import { describe as describeRange } from "@/lib/anchoring/describe";
import { draftFromPlainText } from "@/lib/sources/draft-from-plain-text";
import { SOURCE_FIELD_NAMES } from "@/lib/sources/new-source-schema";
import { encodePageCursor } from "@/lib/annotations/page-cursor";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import {
  createGroupWith,
  createInviteRow,
  createUser,
  type TestGroup,
  type TestUser,
} from "../support/factories";
import { testDatabase } from "../support/test-database";
import { containerIri } from "@/lib/protocol/protocol-iris";

// Only what needs Next's request scope is not real: the session, cookies, headers and refresh().
const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth/get-current-user", async () => {
  const { db } = await import("@/lib/db");
  const getCurrentUser = async (): Promise<CurrentUser | null> => {
    if (!session.user) return null;
    const user = await db.user.findUnique({
      where: { id: session.user.id },
      select: { id: true, name: true, email: true, locale: true, currentGroupId: true },
    });
    return user ? { ...user, locale: user.locale === "en" ? "en" : "pl" } : null;
  };
  return {
    getCurrentUser,
    getActor: async (): Promise<Actor> => ((await getCurrentUser()) ? { userId: session.user!.id } : null),
  };
});
vi.mock("@/lib/auth/auth", () => ({
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  auth: vi.fn(async () => null),
}));
// next-auth's own entry imports "next/server" in a way only Next's bundler resolves; the actions
// use its error classes alone.
vi.mock("next-auth", () => {
  class AuthError extends Error {
    type = "AuthError";
  }
  class CredentialsSignin extends AuthError {
    code = "credentials";
  }
  return { AuthError, CredentialsSignin };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
  headers: async () => new Headers({ host: "glossa.example", "x-forwarded-proto": "https" }),
}));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidatePath: () => {}, revalidateTag: () => {} }));

const ORIGIN = "https://glossa.example";

let edition: TestEdition;
let me: TestUser, classmate: TestUser;
let group: TestGroup;
let annotationId: string;
let inviteToken: string;
let inviteId: string;
let assignmentId: string;
/** A group source revised once, and the placement of its orphaned note (review list targets). */
let revisedSlug: string;
let placementId: string;

beforeAll(async () => {
  edition = await importedEdition("soviet-note");
  [me, classmate] = await Promise.all([createUser({ password: "correct horse battery" }), createUser()]);
  group = await createGroupWith({ instructor: me, students: [classmate], current: true });
  session.user = { id: me.id };
  const created = await createAnnotation(
    me.actor,
    annotationInput(edition, edition.text.slice(0, 12), { groupId: group.id, visibility: "group" }),
  );
  annotationId = created.id;
  ({ token: inviteToken, id: inviteId } = await createInviteRow({ group, createdBy: me }));
  ({ id: assignmentId } = await createAssignment(me.actor, group.id, {
    title: "Week 1",
    opensAt: "2026-01-01T10:00",
    dueAt: "2036-01-01T10:00",
    timeZone: "Europe/Warsaw",
    readings: JSON.stringify([{ source: "soviet-note", firstSentence: 1, lastSentence: 2 }]),
  }));
});
beforeAll(async () => {
  const { createSource } = await import("@/lib/sources/create-source");
  const { publishRevision } = await import("@/lib/revisions/publish-revision");
  const text = "Pierwsze zdanie tutaj. Drugie zdanie zniknie. Trzecie zdanie zostaje.";
  ({ slug: revisedSlug } = await createSource(
    me.actor,
    group.id,
    {
      titlePl: "Źródło",
      titleEn: "A source",
      kind: "primary",
      language: "pl",
      date: "1939-09-17",
      draft: draftFromPlainText(text, false),
    },
    [],
  ));
  const start = text.indexOf("Drugie");
  const { id } = await createAnnotation(me.actor, {
    source: revisedSlug,
    editionNumber: 1,
    groupId: group.id,
    kind: "highlight",
    visibility: "group",
    selectors: describeRange(text, { start, end: start + "Drugie zdanie zniknie".length }),
    body: null,
  });
  await publishRevision(
    me.actor,
    revisedSlug,
    {
      edition: 1,
      draft: draftFromPlainText("Pierwsze zdanie tutaj. Trzecie zdanie zostaje.", false),
    },
    [],
  );
  placementId = (
    await testDatabase().prisma.annotationPlacement.findFirstOrThrow({ where: { annotationId: id } })
  ).id;
});
beforeEach(() => {
  session.user = { id: me.id };
});

/** A fingerprint of every table's rows but the rate limiters' counters (which count refusals too). */
async function databaseFingerprint(): Promise<string> {
  const prisma = testDatabase().prisma;
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()
       AND tablename NOT IN ('rate_limits', '_prisma_migrations') ORDER BY tablename`,
  );
  const parts = tables.map(
    ({ name }) =>
      `SELECT '${name}' AS name, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM "${name}" t`,
  );
  const rows = await prisma.$queryRawUnsafe<{ name: string; hash: string }[]>(parts.join(" UNION ALL "));
  return rows.map((row) => `${row.name}:${row.hash}`).join(",");
}

// ---------------------------------------------------------------------------------------------
// Calling routes and actions the way Next does.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Outcome {
  /** 5xx, or an action that threw something other than a redirect. */
  serverError: boolean;
  /** 4xx, or an action's error state. */
  refused: boolean;
  detail: string;
}

async function callRoute(
  handler: Handler,
  method: string,
  path: string,
  options: {
    params?: Record<string, string>;
    json?: unknown;
    raw?: string;
    type?: string;
    form?: FormData;
    headers?: Record<string, string>;
  } = {},
): Promise<Response> {
  const headers = new Headers({
    origin: ORIGIN,
    host: "glossa.example",
    "x-forwarded-proto": "https",
    ...options.headers,
  });
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.raw !== undefined) body = options.raw;
  else if (options.json !== undefined) body = JSON.stringify(options.json);
  if (body !== undefined && !options.form) headers.set("content-type", options.type ?? "application/json");
  const request = new Request(`${ORIGIN}${path}`, { method, headers, body });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

function routeOutcome(response: Response): Outcome {
  return {
    serverError: response.status >= 500,
    refused: response.status >= 400,
    detail: String(response.status),
  };
}

/** A response read to its end: a body that fails while it streams is a server error too. */
async function streamedOutcome(response: Response): Promise<Outcome> {
  try {
    await response.text();
  } catch (error) {
    return { serverError: true, refused: true, detail: `stream failed: ${String(error)}` };
  }
  return routeOutcome(response);
}

/** Next's redirect() and notFound() travel as errors with a digest. */
function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/u.test(digest);
}

async function actionOutcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const state = (await run()) as { status?: string; error?: string } | undefined;
    const refused = state?.status === "error";
    return { serverError: false, refused, detail: refused ? `error ${state?.error}` : "ok" };
  } catch (error) {
    if (isNavigation(error)) return { serverError: false, refused: false, detail: "redirect" };
    return { serverError: true, refused: true, detail: `threw ${String(error)}` };
  }
}

/** A form with these fields (values that are not strings are sent as their JSON). */
function formOf(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) form.append(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  return form;
}

// ---------------------------------------------------------------------------------------------
// The cases the issue names, each with what the user gets.

describe("the issue's cases", () => {
  it("refuses NUL and lone surrogates in tags, bodies, reasons and replies with 422, saving nothing", async () => {
    const { POST: create } = await import("@/app/api/annotations/route");
    const { POST: reply } = await import("@/app/api/annotations/[id]/replies/route");
    const { POST: hide } = await import("@/app/api/annotations/[id]/hide/route");
    const { PATCH: update } = await import("@/app/api/annotations/[id]/route");
    const valid = annotationInput(edition, edition.text.slice(20, 40), {
      groupId: group.id,
      visibility: "group",
    });
    const before = await databaseFingerprint();
    const answers = [
      await callRoute(create, "POST", "/api/annotations", { json: { ...valid, tags: ["a\u0000b"] } }),
      await callRoute(create, "POST", "/api/annotations", { json: { ...valid, tags: ["\ud800"] } }),
      await callRoute(create, "POST", "/api/annotations", {
        json: { ...valid, body: bodyFromPlainText("x\u0000y") },
      }),
      await callRoute(create, "POST", "/api/annotations", {
        json: { ...valid, body: bodyFromPlainText("\udfff") },
      }),
      await callRoute(reply, "POST", "/", {
        params: { id: annotationId },
        json: { body: bodyFromPlainText("\u0000") },
      }),
      await callRoute(hide, "POST", "/", { params: { id: annotationId }, json: { reason: "spam\u0000" } }),
      await callRoute(update, "PATCH", "/", {
        params: { id: annotationId },
        json: { tags: ["ok", "\ud83d"] },
      }),
    ];
    const problems = await Promise.all(
      answers.map(async (answer) => [
        answer.status,
        ((await answer.json()) as { error: { message: string } }).error.message,
      ]),
    );
    expect(problems).toEqual([
      [422, "textInvalid"],
      [422, "textInvalid"],
      [422, "textInvalid"],
      [422, "textInvalid"],
      [422, "textInvalid"],
      [422, "textInvalid"],
      [422, "textInvalid"],
    ]);
    expect(await databaseFingerprint()).toBe(before);
  });

  it("refuses an edition number past the integer column (2147483648) as an unknown edition", async () => {
    const { POST: create } = await import("@/app/api/annotations/route");
    const { POST: permalink } = await import("@/app/api/permalinks/route");
    const valid = annotationInput(edition, edition.text.slice(20, 40));
    const passage = { source: edition.slug, editionNumber: 2147483648, start: 0, end: 5 };
    for (const answer of [
      await callRoute(create, "POST", "/api/annotations", { json: { ...valid, editionNumber: 2147483648 } }),
      await callRoute(permalink, "POST", "/api/permalinks", { json: passage }),
      await callRoute(permalink, "POST", "/api/permalinks", {
        json: { ...passage, editionNumber: 1, end: 2147483648 },
      }),
    ]) {
      expect(answer.status).toBe(422);
    }
  });

  it("refuses a page cursor for year 0 as a cursor the list did not hand out", async () => {
    const { GET } = await import("@/app/api/sources/[slug]/annotations/route");
    const after = encodePageCursor({ createdAt: new Date("0000-01-01T00:00:00.000Z"), id: "abc" });
    const answer = await callRoute(
      GET,
      "GET",
      `/api/sources/${edition.slug}/annotations?limit=5&after=${after}`,
      {
        params: { slug: edition.slug },
      },
    );
    expect(answer.status).toBe(422);
    expect(await answer.json()).toMatchObject({ error: { message: "pageCursorInvalid" } });
  });

  it("answers a NUL in a source's URL segment or a group parameter with 404 or 422", async () => {
    const { GET: list } = await import("@/app/api/sources/[slug]/annotations/route");
    const { GET: index } = await import("@/app/api/sources/[slug]/annotations/index/route");
    const bad = await callRoute(list, "GET", "/api/sources/x/annotations", {
      params: { slug: "soviet\u0000note" },
    });
    expect([bad.status, await bad.json()]).toEqual([
      404,
      expect.objectContaining({ error: expect.objectContaining({ message: "sourceNotFound" }) }),
    ]);
    const group = await callRoute(index, "GET", `/api/sources/${edition.slug}/annotations/index?group=%00`, {
      params: { slug: edition.slug },
    });
    expect(group.status).toBe(422);
  });

  it("finds no source for a NUL in a reader page's slug, and refuses it in the compare view's selection", async () => {
    const { getSourceReading } = await import("@/lib/sources/get-source-reading");
    const { parseCompareSelection } = await import("@/lib/sources/parse-compare-selection");
    await expect(getSourceReading("soviet\u0000note", null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSourceReading("\ud800", null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(parseCompareSelection({ s: ["soviet-note", "kuty\u0000"] })).toEqual({
      ok: false,
      problem: "invalid",
    });
  });

  it("finds no editions and no comparison for a slug or edition number that cannot be one", async () => {
    const { findSourceEditions } = await import("@/lib/sources/find-source-editions");
    const { getEditionComparison } = await import("@/lib/sources/get-edition-comparison");
    await expect(findSourceEditions("soviet\u0000note", null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const [slug, from, to] of [
      ["kuty\u0000", 1, 2],
      ["soviet-note", 1, 2 ** 40],
      ["soviet-note", Number.NaN, 1],
      ["soviet-note", -1, 0.5],
    ] as const) {
      await expect(getEditionComparison(slug, null, from, to)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("answers a sign-out whose body is not a form with 400, and another site's with 403", async () => {
    const { POST } = await import("@/app/sign-out/route");
    const json = await callRoute(POST as Handler, "POST", "/sign-out", { json: { locale: "en" } });
    expect([json.status, await json.json()]).toEqual([
      400,
      expect.objectContaining({ error: expect.objectContaining({ message: "formInvalid" }) }),
    ]);
    const form = await callRoute(POST as Handler, "POST", "/sign-out", { form: formOf({ locale: "en" }) });
    expect([form.status, form.headers.get("location")]).toEqual([303, "/en"]);
    const crossSite = await POST(
      new Request(`${ORIGIN}/sign-out`, {
        method: "POST",
        headers: { origin: "https://evil.example" },
        body: formOf({}),
      }),
    );
    expect(crossSite.status).toBe(403);
  });

  it("refuses an Origin with this host but another scheme (the old rule compared hosts only)", async () => {
    const { POST } = await import("@/app/api/permalinks/route");
    const request = new Request(`${ORIGIN}/api/permalinks`, {
      method: "POST",
      headers: {
        origin: "http://glossa.example",
        host: "glossa.example",
        "x-forwarded-proto": "https",
        "content-type": "application/json",
      },
      body: JSON.stringify({ source: edition.slug, editionNumber: edition.number, start: 0, end: 5 }),
    });
    const answer = await POST(request);
    expect([answer.status, await answer.json()]).toEqual([
      403,
      expect.objectContaining({ error: expect.objectContaining({ message: "crossSiteRequest" }) }),
    ]);
  });

  it("lets one user accept the same invite five times at once: each gets the group, one membership, one use", async () => {
    const { acceptInviteAction } = await import("@/app/[locale]/join/[token]/actions");
    const joiner = await createUser();
    session.user = { id: joiner.id };
    const { token } = await createInviteRow({ group, createdBy: me, maxUses: 10 });
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        actionOutcome(() => acceptInviteAction("en", token, { status: "idle" })),
      ),
    );
    expect(outcomes.map((o) => o.detail)).toEqual(Array(5).fill("redirect"));
    const prisma = testDatabase().prisma;
    expect(await prisma.membership.count({ where: { groupId: group.id, userId: joiner.id } })).toBe(1);
    expect((await prisma.invite.findFirstOrThrow({ where: { groupId: group.id, maxUses: 10 } })).uses).toBe(
      1,
    );
  });

  it("refuses NUL in names and group fields in server actions with a form error, saving nothing", async () => {
    const { createGroupAction } = await import("@/app/[locale]/groups/actions");
    const { updateProfileAction } = await import("@/app/[locale]/account/actions");
    const { signUpAction } = await import("@/app/[locale]/sign-up/actions");
    const before = await databaseFingerprint();
    const states = [
      await createGroupAction(
        "en",
        { status: "idle" },
        formOf({ name: "Seminar\u0000", description: "", term: "" }),
      ),
      await updateProfileAction({ status: "idle" }, formOf({ name: "Anna\u0000", locale: "en" })),
      await signUpAction(
        "en",
        { status: "idle" },
        formOf({ name: "\u0000", email: "n@example.test", password: "long enough password" }),
      ),
    ];
    expect(states).toEqual(Array(3).fill(expect.objectContaining({ status: "error", error: "textInvalid" })));
    expect(await databaseFingerprint()).toBe(before);
  });

  it("refuses the add-a-source form to a student, a non-member and bad TEI, saving nothing", async () => {
    const { newSourceAction } = await import("@/app/[locale]/groups/[groupId]/sources/new/actions");
    const outsider = await createUser();
    const fields = {
      titlePl: "Tytuł",
      titleEn: "Title",
      date: "1939-09-17",
      kind: "primary",
      language: "pl",
    };
    const before = await databaseFingerprint();
    const post = async (userId: string, form: Record<string, string>) => {
      session.user = { id: userId };
      return newSourceAction("en", group.id, { status: "idle" }, formOf({ ...fields, ...form }));
    };
    const states = [
      await post(classmate.id, { op: "save", draft: SOURCE_DRAFT }),
      await post(outsider.id, { op: "save", draft: SOURCE_DRAFT }),
      await post(me.id, { op: "preview", format: "tei", text: "<TEI>\n<text>\n<body><p>x</div>" }),
      await post(me.id, { op: "preview", format: "tei", text: "<TEI><teiHeader/></TEI>" }),
      await post(me.id, { op: "save", draft: SOURCE_DRAFT, date: "17.09.1939" }),
    ];
    expect(states.map((s) => [s.status, s.error, s.errorValues])).toEqual([
      ["error", "notAllowed", undefined],
      ["error", "groupNotFound", undefined],
      ["error", "xmlMalformed", { line: 3 }],
      ["error", "teiNoBody", undefined],
      ["error", "sourceDateInvalid", undefined],
    ]);
    // What was typed comes back, to be shown again.
    expect(states[4]!.values).toMatchObject({ titlePl: "Tytuł", date: "17.09.1939" });
    expect(await databaseFingerprint()).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated hostile input everywhere.

/** Strings that broke servers before: NUL, halves of surrogate pairs, controls, encodings, injections. */
const NASTY_STRINGS = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfff y",
  "🙂\ud83d",
  "\u0007\u001b[31m\u007f",
  "\u202eevil",
  "\ufeff",
  "%ff",
  "%00",
  "../../etc/passwd",
  "' OR 1=1 --",
  "<img src=x onerror=alert(1)>",
  "",
  " ",
  "none",
  "x".repeat(5_000),
];

const hostileString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .tuple(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("\u0000", "\ud800", "\udc00", "\u0001"),
      fc.string({ maxLength: 12 }),
    )
    .map(([a, b, c]) => a + b + c),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(2147483648, 2147483647, -2147483649, -1, 0, 0.5, 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/**
 * Objects and arrays nested `depth` deep (JSON.parse takes them; code that recurses would not). Shown
 * in a counterexample by their depth: fast-check's own printer recurses too.
 */
const deeplyNested = fc.integer({ min: 50, max: 1_000 }).map((depth) => {
  let value: unknown = "deep";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { content: [value], type: "doc" };
  return Object.defineProperty(value as object, fc.toStringMethod, { value: () => `nested(${depth})` });
});

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null, [], {}, [null], { type: "doc" }) },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
);

/** HTML bodies (imports, protocol clients): scripts, bad links, deep nesting, references, unclosed tags, NULs. */
const hostileHtml: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "<script>alert(1)</script><p onclick=x()>a</p>",
    '<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>',
    '<a data-passage-ref="../../etc" href="/p/x">§</a>',
    '<a data-passage-ref="AbCdEf1234" title="\u0000">§<q lang="xx-\ud800">q</q></a>',
    "<ul><li>".repeat(2_000),
    "<b>".repeat(10_000) + "x",
    "<p>a\u0000b</p>&#0;&#xD800;&#x110000;",
    "<svg><foreignObject><iframe src=x></iframe></foreignObject></svg><style>*{}</style>",
    "<" + "p>".repeat(30_000),
  ),
  fc
    .tuple(hostileString, fc.constantFrom("p", "b", "li", "blockquote", "a", "ol", "br"))
    .map(([text, tag]) => `<${tag}>${String(text)}</${tag}>`),
);

/** A valid value most of the time, else a hostile one, so that hostile fields reach deep checks. */
const sometimes = <T>(valid: T) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant<unknown>(valid) }, hostileValue);

/** An id: a real one now and then, else hostile. */
const hostileId = (valid: () => string) =>
  fc.oneof(
    fc.constant(null).map(() => valid()),
    hostileString,
    fc.constantFrom("abc", "x".repeat(65)),
  );

/** A Tiptap body with hostile text or marks, or something that is not a body at all. */
const hostileBody = fc.oneof(
  hostileString.map((text) => bodyFromPlainText(text || "x")),
  hostileString.map((href) => ({
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "link", marks: [{ type: "link", attrs: { href } }] }],
      },
    ],
  })),
  hostileString.map((permalinkId) => ({
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "passageReference", attrs: { permalinkId, label: permalinkId, quote: permalinkId } },
        ],
      },
    ],
  })),
  hostileValue,
);

interface Target {
  name: string;
  input: fc.Arbitrary<unknown>;
  send: (input: never) => Promise<Outcome>;
}

const route = async (path: string, method: string): Promise<Handler> =>
  (await import(/* @vite-ignore */ path))[method] as Handler;

function annotationBody(): Record<string, unknown> {
  return annotationInput(edition, edition.text.slice(50, 70), {
    groupId: group.id,
    visibility: "group",
  }) as never;
}

const targets: Target[] = [
  {
    name: "POST /api/annotations",
    input: fc.record({
      source: sometimes("soviet-note"),
      editionNumber: sometimes(1),
      groupId: sometimes("group"),
      kind: sometimes("comment"),
      visibility: sometimes("group"),
      start: sometimes(50),
      exact: sometimes("x"),
      body: fc.oneof(fc.constant(undefined), hostileBody),
      tags: fc.oneof(fc.constant(undefined), fc.array(hostileValue, { maxLength: 4 }), hostileValue),
      whole: fc.option(hostileValue, { freq: 8 }),
    }),
    send: async (i: Record<string, unknown>) => {
      const valid = annotationBody() as {
        selectors: { quote: Record<string, unknown>; position: Record<string, unknown> };
      };
      const json =
        i.whole ??
        ({
          ...valid,
          source: i.source,
          editionNumber: i.editionNumber,
          groupId: i.groupId === "group" ? group.id : i.groupId,
          kind: i.kind,
          visibility: i.visibility,
          selectors: {
            quote: {
              ...valid.selectors.quote,
              exact: i.exact === "x" ? valid.selectors.quote.exact : i.exact,
            },
            position: {
              ...valid.selectors.position,
              start: i.start === 50 ? valid.selectors.position.start : i.start,
            },
          },
          ...(i.body === undefined ? {} : { body: i.body }),
          ...(i.tags === undefined ? {} : { tags: i.tags }),
        } as unknown);
      return routeOutcome(
        await callRoute(await route("@/app/api/annotations/route", "POST"), "POST", "/api/annotations", {
          json,
        }),
      );
    },
  },
  {
    name: "PATCH /api/annotations/{id}",
    input: fc.record({
      id: hostileId(() => annotationId),
      body: fc.option(hostileBody),
      tags: fc.option(hostileValue),
      kind: fc.option(hostileValue),
      visibility: fc.option(hostileValue),
    }),
    send: async ({ id, ...fields }: Record<string, unknown>) => {
      const json = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
      const handler = await route("@/app/api/annotations/[id]/route", "PATCH");
      return routeOutcome(await callRoute(handler, "PATCH", "/", { params: { id: id as string }, json }));
    },
  },
  {
    name: "DELETE /api/annotations/{id}",
    input: hostileString,
    send: async (id: string) =>
      routeOutcome(
        await callRoute(await route("@/app/api/annotations/[id]/route", "DELETE"), "DELETE", "/", {
          params: { id },
        }),
      ),
  },
  {
    name: "POST /api/annotations/{id}/replies",
    input: fc.record({
      id: hostileId(() => annotationId),
      body: hostileBody,
      whole: fc.option(hostileValue, { freq: 6 }),
    }),
    send: async ({ id, body, whole }: { id: string; body: unknown; whole: unknown }) => {
      const handler = await route("@/app/api/annotations/[id]/replies/route", "POST");
      return routeOutcome(await callRoute(handler, "POST", "/", { params: { id }, json: whole ?? { body } }));
    },
  },
  {
    name: "POST /api/annotations/{id}/hide",
    input: fc.record({ id: hostileId(() => annotationId), reason: hostileValue }),
    send: async ({ id, reason }: { id: string; reason: unknown }) => {
      const handler = await route("@/app/api/annotations/[id]/hide/route", "POST");
      return routeOutcome(await callRoute(handler, "POST", "/", { params: { id }, json: { reason } }));
    },
  },
  {
    name: "DELETE /api/annotations/{id}/hide",
    input: hostileString,
    send: async (id: string) => {
      const handler = await route("@/app/api/annotations/[id]/hide/route", "DELETE");
      return routeOutcome(await callRoute(handler, "DELETE", "/", { params: { id } }));
    },
  },
  ...(["helpful", "featured"] as const).flatMap((what) =>
    (["PUT", "DELETE"] as const).map((method): Target => ({
      name: `${method} /api/annotations/{id}/${what}`,
      input: hostileId(() => annotationId),
      send: async (id: string) => {
        const handler = await route(`@/app/api/annotations/[id]/${what}/route`, method);
        return routeOutcome(await callRoute(handler, method, "/", { params: { id } }));
      },
    })),
  ),
  ...(["permalinks", "citations"] as const).map((kind): Target => ({
    name: `POST /api/${kind}`,
    input: fc.record({
      source: sometimes("soviet-note"),
      editionNumber: sometimes(1),
      start: sometimes(0),
      end: sometimes(10),
      locale: hostileString,
      raw: fc.option(fc.constantFrom("{", "\u0000", '{"a":', "[]", "null", '"\\ud800"'), { freq: 6 }),
    }),
    send: async (i: Record<string, unknown>) => {
      const handler = await route(`@/app/api/${kind}/route`, "POST");
      const query =
        kind === "citations"
          ? `?locale=${encodeURIComponent(String(i.locale).replace(/[\ud800-\udfff]/gu, ""))}`
          : "";
      const json = { source: i.source, editionNumber: i.editionNumber, start: i.start, end: i.end };
      return routeOutcome(
        await callRoute(
          handler,
          "POST",
          `/api/${kind}${query}`,
          i.raw === null ? { json } : { raw: i.raw as string },
        ),
      );
    },
  })),
  {
    name: "POST /api/imports",
    input: fc.record({
      into: fc.oneof(fc.constantFrom("mine", "group"), hostileValue),
      visibility: sometimes("group"),
      source: fc.oneof(fc.constantFrom("", "soviet-note"), hostileValue),
      locale: sometimes("en"),
      quote: sometimes("x"),
      text: fc.oneof(hostileValue, hostileHtml),
      html: fc.boolean(),
      tags: fc.oneof(fc.constant(undefined), fc.array(hostileValue, { maxLength: 4 }), hostileValue),
      target: sometimes("https://glossa.example/sources/soviet-note?edition=1"),
      whole: fc.option(hostileValue, { freq: 6 }),
      raw: fc.option(
        fc.constantFrom("{", "\u0000", '{"annotations":', "[]", "null", '"\\ud800"', "[".repeat(5_000)),
        {
          freq: 8,
        },
      ),
    }),
    send: async (i: Record<string, unknown>) => {
      const handler = await route("@/app/api/imports/route", "POST");
      // Every run imports as the same account: its hourly allowance (tested in import-annotations)
      // starts afresh, so that each run reads its file.
      await testDatabase().prisma.$executeRaw`DELETE FROM rate_limits WHERE key LIKE 'import:user:%'`;
      const param = (value: unknown) =>
        encodeURIComponent(
          (value === "group"
            ? group.id
            : typeof value === "string"
              ? value
              : (JSON.stringify(value) ?? "")
          ).replace(/[\ud800-\udfff]/gu, ""),
        );
      const query = `?into=${param(i.into)}&visibility=${param(i.visibility)}&source=${param(i.source)}&locale=${param(i.locale)}`;
      const annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        type: "Annotation",
        id: `urn:hostile:${typeof i.text === "string" ? i.text.length : 0}`,
        motivation: "commenting",
        body: [
          { type: "TextualBody", value: i.text, format: i.html ? "text/html" : "text/plain" },
          ...(Array.isArray(i.tags)
            ? i.tags.map((value) => ({ type: "TextualBody", purpose: "tagging", value }))
            : []),
        ],
        target: {
          source: i.target,
          selector: [
            { type: "TextQuoteSelector", exact: i.quote === "x" ? edition.text.slice(50, 70) : i.quote },
          ],
        },
      };
      return routeOutcome(
        await callRoute(
          handler,
          "POST",
          `/api/imports${query}`,
          i.raw === null ? { json: i.whole ?? [annotation] } : { raw: i.raw as string },
        ),
      );
    },
  },
  {
    name: "POST /api/me/current-group",
    input: fc.record({ groupId: hostileValue, next: hostileValue, notForm: fc.boolean() }),
    send: async ({ groupId, next, notForm }: { groupId: unknown; next: unknown; notForm: boolean }) => {
      const handler = await route("@/app/api/me/current-group/route", "POST");
      return routeOutcome(
        await callRoute(
          handler,
          "POST",
          "/api/me/current-group",
          notForm ? { json: { groupId, next } } : { form: formOf({ groupId, next }) },
        ),
      );
    },
  },
  {
    name: "GET /api/assignments/{id}/progress",
    input: fc.record({ id: hostileId(() => assignmentId), locale: hostileString }),
    send: async ({ id, locale }: { id: string; locale: string }) => {
      const handler = await route("@/app/api/assignments/[id]/progress/route", "GET");
      const query = encodeURIComponent(locale.replace(/[\ud800-\udfff]/gu, ""));
      return routeOutcome(
        await callRoute(handler, "GET", `/api/assignments/x/progress?locale=${query}`, { params: { id } }),
      );
    },
  },
  ...(
    [
      ["GET /api/exports/mine", "@/app/api/exports/mine/route", () => "x"],
      ["GET /api/exports/groups/{id}", "@/app/api/exports/groups/[id]/route", () => group.id],
      ["GET /api/exports/assignments/{id}", "@/app/api/exports/assignments/[id]/route", () => assignmentId],
    ] as const
  ).map(([name, module, validId]): Target => ({
    name,
    input: fc.record({
      id: hostileId(validId),
      format: sometimes("csv"),
      locale: sometimes("en"),
      page: sometimes("1"),
    }),
    send: async ({ id, ...fields }: Record<string, unknown>) => {
      const query = new URLSearchParams();
      for (const [field, value] of Object.entries(fields)) {
        query.set(field, typeof value === "string" ? value : JSON.stringify(value));
      }
      const response = await callRoute(await route(module, "GET"), "GET", `/api/exports/x?${query}`, {
        params: { id: id as string },
      });
      // The file streams after its headers: an error while it is written would surface here.
      return streamedOutcome(response);
    },
  })),
  {
    name: "GET /api/annotations/{id}/jsonld",
    input: fc.record({ id: hostileId(() => annotationId), locale: sometimes("en") }),
    send: async ({ id, locale }: { id: string; locale: unknown }) => {
      const handler = await route("@/app/api/annotations/[id]/jsonld/route", "GET");
      const query = new URLSearchParams({
        locale: typeof locale === "string" ? locale : JSON.stringify(locale),
      });
      return streamedOutcome(
        await callRoute(handler, "GET", `/api/annotations/x/jsonld?${query}`, { params: { id } }),
      );
    },
  },
  {
    name: "GET /api/sources/{slug}/assignments",
    input: fc.oneof(fc.constant("soviet-note"), hostileString),
    send: async (slug: string) => {
      const handler = await route("@/app/api/sources/[slug]/assignments/route", "GET");
      return routeOutcome(
        await callRoute(handler, "GET", "/api/sources/x/assignments", { params: { slug } }),
      );
    },
  },
  {
    name: "GET /api/search",
    input: fc.record({
      q: fc.oneof(sometimes("Mościcki"), fc.constantFrom("x".repeat(10_000), '"', "?!…", "%_\\")),
      source: sometimes("soviet-note"),
      group: sometimes("none"),
      author: hostileValue,
      tag: hostileValue,
      assignment: hostileValue,
      kind: sometimes("reply"),
      from: sometimes("2026-02-30"),
      to: sometimes("2026-12-31"),
      type: sometimes("notes"),
      page: sometimes("2"),
      limit: sometimes("50"),
    }),
    send: async (fields: Record<string, unknown>) => {
      const handler = await route("@/app/api/search/route", "GET");
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(fields)) {
        query.set(name, typeof value === "string" ? value : JSON.stringify(value));
      }
      return routeOutcome(await callRoute(handler, "GET", `/api/search?${query}`));
    },
  },
  {
    name: "POST /sign-out",
    input: fc.record({
      locale: hostileValue,
      notForm: fc.boolean(),
      type: fc.constantFrom("text/plain", "application/json", "multipart/form-data"),
    }),
    send: async ({ locale, notForm, type }: { locale: unknown; notForm: boolean; type: string }) => {
      const handler = await route("@/app/sign-out/route", "POST");
      return routeOutcome(
        await callRoute(
          handler,
          "POST",
          "/sign-out",
          notForm ? { raw: JSON.stringify({ locale }), type } : { form: formOf({ locale }) },
        ),
      );
    },
  },
];

/**
 * The Web Annotation Protocol's container and annotation addresses (lib/protocol), with the session.
 * The hostile segments travel as the route's params (as Next decodes them); the URL only carries
 * the query.
 */
const protocolPath = (annotation = false) => `/api/protocol/groups/g/sources/s/${annotation ? "a" : ""}`;
/** An Authorization header a client could send (printable), or (mostly) none: the session then asks. */
const hostileAuthorization = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.stringMatching(/^[\x21-\x7e]{0,80}$/u).map((token) => `Bearer ${token}`),
      fc.constantFrom("Bearer glossa_pat_", "Basic abc", "Bearer", `Bearer glossa_pat_${"x".repeat(300)}`),
    ),
  },
);
/** Valid mostly, so that a document with one hostile part at a time reaches the deep checks. */
const mostly = <T>(valid: T) => fc.oneof({ weight: 6, arbitrary: fc.constant<unknown>(valid) }, hostileValue);
/** A URL segment as Next hands it to a route (a string): mostly the real one. */
const mostlySegment = (valid: () => string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(null).map(valid) },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constantFrom("abc", "x".repeat(65)) },
  );
/** Null mostly (the part is left as it is), else the value. */
const rarely = (value: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: value });
/** A W3C annotation, each part valid mostly and hostile otherwise. */
const hostileW3c = fc.record({
  type: mostly("Annotation"),
  motivation: mostly(null),
  value: fc.oneof(
    { weight: 3, arbitrary: mostly("A note from a client") },
    { weight: 1, arbitrary: hostileHtml },
  ),
  format: mostly("text/html"),
  purpose: mostly(null),
  exact: mostly("x"),
  start: mostly(50),
  source: mostly("source"),
  canonical: mostly(null),
  target: rarely(hostileValue),
  whole: rarely(hostileValue),
});
function w3cJson(i: Record<string, unknown>, [from, to] = [50, 70]): unknown {
  if (i.whole !== null) return i.whole;
  const text = edition.text;
  const source = `${new URL(containerIri(group.id, "soviet-note", undefined)).origin}/sources/soviet-note`;
  return {
    type: i.type,
    ...(i.motivation === null ? {} : { motivation: i.motivation }),
    body: [
      {
        type: "TextualBody",
        value: i.value,
        format: i.format,
        ...(i.purpose === null ? {} : { purpose: i.purpose }),
      },
    ],
    target: i.target ?? {
      source: i.source === "source" ? source : i.source,
      selector: [
        { type: "TextQuoteSelector", exact: i.exact === "x" ? text.slice(from, to) : i.exact },
        { type: "TextPositionSelector", start: i.start === 50 ? from : i.start, end: to },
      ],
    },
    ...(i.canonical === null ? {} : { canonical: i.canonical }),
  };
}
targets.push(
  {
    name: "POST /api/protocol/groups/{groupId}/sources/{slug}/",
    input: fc.record({
      groupId: mostlySegment(() => group.id),
      slug: mostlySegment(() => "soviet-note"),
      contentType: fc.constantFrom("application/ld+json", "application/json", "text/plain"),
      authorization: hostileAuthorization,
      annotation: hostileW3c,
    }),
    send: async (i: {
      groupId: unknown;
      slug: unknown;
      contentType: string;
      authorization: string | null;
      annotation: Record<string, unknown>;
    }) => {
      const handler = await route("@/app/api/protocol/groups/[groupId]/sources/[slug]/route", "POST");
      const path = protocolPath();
      return routeOutcome(
        await callRoute(handler, "POST", path, {
          params: { groupId: String(i.groupId), slug: String(i.slug) },
          json: w3cJson(i.annotation),
          type: i.contentType,
          headers: i.authorization === null ? {} : { authorization: i.authorization },
        }),
      );
    },
  },
  {
    name: "POST /api/protocol/me/sources/{slug}/",
    input: fc.record({
      slug: mostlySegment(() => "soviet-note"),
      contentType: fc.constantFrom("application/ld+json", "application/json", "text/plain"),
      authorization: hostileAuthorization,
      annotation: hostileW3c,
    }),
    send: async (i: {
      slug: unknown;
      contentType: string;
      authorization: string | null;
      annotation: Record<string, unknown>;
    }) => {
      const handler = await route("@/app/api/protocol/me/sources/[slug]/route", "POST");
      return routeOutcome(
        await callRoute(handler, "POST", "/api/protocol/me/sources/s/", {
          params: { slug: String(i.slug) },
          json: w3cJson(i.annotation),
          type: i.contentType,
          headers: i.authorization === null ? {} : { authorization: i.authorization },
        }),
      );
    },
  },
  {
    name: "PUT /api/protocol/groups/{groupId}/sources/{slug}/{annotationId}",
    input: fc.record({
      id: mostlySegment(() => annotationId),
      ifMatch: fc.oneof(
        { weight: 4, arbitrary: fc.constant<string | null>("*") },
        fc.constantFrom(null, '"stale"', ""),
      ),
      authorization: hostileAuthorization,
      annotation: hostileW3c,
    }),
    send: async (i: {
      id: unknown;
      ifMatch: string | null;
      authorization: string | null;
      annotation: Record<string, unknown>;
    }) => {
      const handler = await route(
        "@/app/api/protocol/groups/[groupId]/sources/[slug]/[annotationId]/route",
        "PUT",
      );
      const headers: Record<string, string> = {};
      if (i.ifMatch !== null) headers["if-match"] = i.ifMatch;
      if (i.authorization !== null) headers.authorization = i.authorization;
      return routeOutcome(
        await callRoute(handler, "PUT", protocolPath(true), {
          params: { groupId: group.id, slug: "soviet-note", annotationId: String(i.id) },
          json: w3cJson(i.annotation, [0, 12]),
          type: "application/ld+json",
          headers,
        }),
      );
    },
  },
  {
    name: "DELETE /api/protocol/groups/{groupId}/sources/{slug}/{annotationId}",
    input: fc.record({
      groupId: mostlySegment(() => group.id),
      id: mostlySegment(() => annotationId),
      // Never the current version: the shared annotation stays for the other targets.
      ifMatch: fc.constantFrom('"stale"', "", 'W/"x"'),
      authorization: hostileAuthorization,
    }),
    send: async (i: { groupId: unknown; id: unknown; ifMatch: string; authorization: string | null }) => {
      const handler = await route(
        "@/app/api/protocol/groups/[groupId]/sources/[slug]/[annotationId]/route",
        "DELETE",
      );
      const headers: Record<string, string> = { "if-match": i.ifMatch };
      if (i.authorization !== null) headers.authorization = i.authorization;
      return routeOutcome(
        await callRoute(handler, "DELETE", protocolPath(true), {
          params: { groupId: String(i.groupId), slug: "soviet-note", annotationId: String(i.id) },
          headers,
        }),
      );
    },
  },
  {
    name: "GET /api/protocol/groups/{groupId}/sources/{slug}/",
    input: fc.record({
      groupId: hostileId(() => group.id),
      page: rarely(hostileString),
      prefer: rarely(fc.stringMatching(/^[\x20-\x7e]{0,120}$/u)),
      accept: rarely(fc.stringMatching(/^[\x20-\x7e]{0,60}$/u)),
      authorization: hostileAuthorization,
    }),
    send: async (i: {
      groupId: unknown;
      page: unknown;
      prefer: string | null;
      accept: string | null;
      authorization: string | null;
    }) => {
      const handler = await route("@/app/api/protocol/groups/[groupId]/sources/[slug]/route", "GET");
      const headers: Record<string, string> = {};
      if (i.prefer !== null) headers.prefer = i.prefer;
      if (i.accept !== null) headers.accept = i.accept;
      if (i.authorization !== null) headers.authorization = i.authorization;
      const query = i.page === null ? "" : `?${new URLSearchParams({ page: String(i.page) })}`;
      return routeOutcome(
        await callRoute(handler, "GET", protocolPath() + query, {
          params: { groupId: String(i.groupId), slug: "soviet-note" },
          headers,
        }),
      );
    },
  },
);

/** Server actions: each gets hostile form fields and hostile bound arguments (a client can forge both). */
const fields = (...names: string[]) =>
  fc.record(Object.fromEntries(names.map((name) => [name, hostileValue])));
type Bound = "locale" | "group" | "member" | "invite" | "token" | "provider" | "assignment" | "flag";
/** `noState`: a form action without useActionState (no previous state before the form data). */
const actionTargets: {
  module: string;
  action: string;
  bound: Bound[];
  form?: string[];
  noState?: boolean;
}[] = [
  { module: "forgot-password/actions", action: "forgotPasswordAction", bound: [], form: ["email"] },
  {
    module: "sign-up/actions",
    action: "signUpAction",
    bound: ["locale"],
    form: ["name", "email", "password", "invite", "next"],
  },
  { module: "account/actions", action: "updateProfileAction", bound: [], form: ["name", "locale"] },
  {
    module: "account/actions",
    action: "changePasswordAction",
    bound: ["locale"],
    form: ["currentPassword", "newPassword"],
  },
  { module: "account/actions", action: "signOutAction", bound: ["locale"] },
  {
    module: "notifications/actions",
    action: "updateNotificationSettingsAction",
    bound: ["locale"],
    form: ["inApp.REPLY", "inApp.MENTION", "email.DUE_SOON", "dailyDigest"],
  },
  { module: "notifications/actions", action: "markAllReadAction", bound: ["locale"] },
  {
    module: "account/actions",
    action: "createAccessTokenAction",
    bound: ["locale"],
    form: ["name", "scope"],
  },
  { module: "account/actions", action: "revokeAccessTokenAction", bound: ["member"] },
  {
    module: "sign-in/actions",
    action: "signInAction",
    bound: ["locale"],
    form: ["email", "password", "next"],
  },
  {
    module: "sign-in/actions",
    action: "signInWithProviderAction",
    noState: true,
    bound: ["locale", "provider"],
    form: ["next"],
  },
  { module: "sign-in/actions", action: "emailLinkAction", bound: ["locale"], form: ["email", "next"] },
  {
    module: "reset-password/actions",
    action: "resetPasswordAction",
    bound: ["locale"],
    form: ["token", "password"],
  },
  {
    module: "groups/actions",
    action: "createGroupAction",
    bound: ["locale"],
    form: ["name", "description", "term"],
  },
  { module: "groups/actions", action: "joinByCodeAction", bound: ["locale"], form: ["code"] },
  { module: "groups/actions", action: "makeCurrentGroupAction", bound: ["group"] },
  {
    module: "groups/[groupId]/actions",
    action: "updateGroupAction",
    bound: ["group"],
    form: ["name", "description", "term"],
  },
  {
    module: "groups/[groupId]/actions",
    action: "changeRoleAction",
    bound: ["group", "member"],
    form: ["role"],
  },
  { module: "groups/[groupId]/actions", action: "removeMemberAction", bound: ["locale", "group", "member"] },
  { module: "groups/[groupId]/actions", action: "leaveGroupAction", bound: ["locale", "group"] },
  {
    module: "groups/[groupId]/actions",
    action: "createInviteAction",
    bound: ["locale", "group"],
    form: ["role", "expiresInDays", "maxUses"],
  },
  { module: "groups/[groupId]/actions", action: "revokeInviteAction", bound: ["group", "invite"] },
  { module: "groups/[groupId]/actions", action: "regenerateJoinCodeAction", bound: ["group"] },
  {
    module: "groups/[groupId]/actions",
    action: "sendInviteEmailAction",
    bound: ["locale", "group"],
    form: ["email", "role"],
  },
  { module: "join/[token]/actions", action: "acceptInviteAction", bound: ["locale", "token"] },
  {
    module: "assignments/actions",
    action: "createAssignmentAction",
    bound: ["locale", "group"],
    form: [...ASSIGNMENT_FORM_FIELDS],
  },
  {
    module: "assignments/actions",
    action: "updateAssignmentAction",
    bound: ["locale", "assignment"],
    form: [...ASSIGNMENT_FORM_FIELDS],
  },
  { module: "assignments/actions", action: "closeAssignmentAction", bound: ["assignment"] },
  { module: "assignments/actions", action: "reopenAssignmentAction", bound: ["assignment"] },
  {
    module: "assignments/actions",
    action: "copyAssignmentAction",
    bound: ["locale", "assignment"],
    form: ["groupId"],
  },
  {
    module: "assignments/actions",
    action: "setExtensionAction",
    bound: ["assignment"],
    form: ["userId", "dueAt", "timeZone"],
  },
  { module: "assignments/actions", action: "removeExtensionAction", bound: ["assignment", "member"] },
  {
    module: "assignments/discussion-actions",
    action: "shuffleDiscussionGroupsAction",
    bound: ["assignment"],
  },
  {
    module: "assignments/discussion-actions",
    action: "moveToDiscussionGroupAction",
    bound: ["assignment"],
    form: ["userId", "discussionGroup"],
  },
  {
    module: "assignments/grading-actions",
    action: "saveRubricAction",
    bound: ["assignment"],
    form: ["criteria.0.id", "criteria.0.title", "criteria.0.description", "criteria.0.maxPoints"],
  },
  { module: "assignments/grading-actions", action: "setGradesReleasedAction", bound: ["assignment", "flag"] },
  {
    module: "assignments/grading-actions",
    action: "scoreStudentAction",
    bound: ["assignment", "member"],
    form: ["scores.0.criterionId", "scores.0.points", "scores.0.comment"],
  },
  {
    module: "assignments/grading-actions",
    action: "addFeedbackAction",
    bound: ["assignment", "member"],
    form: ["text", "annotationId"],
  },
  { module: "assignments/grading-actions", action: "deleteFeedbackAction", bound: ["member"] },
  {
    module: "groups/[groupId]/sources/new/actions",
    action: "newSourceAction",
    bound: ["locale", "group"],
    form: [...SOURCE_FIELD_NAMES, "format", "text", "draft", "op", "words.0"],
  },
  // Last: with the real assignment it deletes it.
  { module: "assignments/actions", action: "deleteAssignmentAction", bound: ["locale", "assignment"] },
];

/** A bound argument: real now and then (so the action gets as far as its checks), else hostile. */
const realOrHostile = (real: () => string) => fc.oneof(fc.constant(null).map(real), hostileValue);
const BOUND: Record<Bound, fc.Arbitrary<unknown>> = {
  locale: sometimes("en"),
  provider: sometimes("github"),
  group: realOrHostile(() => group.id),
  member: realOrHostile(() => classmate.id),
  invite: realOrHostile(() => inviteId),
  token: realOrHostile(() => inviteToken),
  assignment: realOrHostile(() => assignmentId),
  flag: fc.oneof(fc.boolean(), hostileValue),
};

for (const target of actionTargets) {
  targets.push({
    name: `action ${target.action}`,
    input: fc.record({
      bound: fc.tuple(...target.bound.map((kind) => BOUND[kind])),
      form: target.form ? fields(...target.form) : fc.constant({}),
    }),
    send: async ({ bound, form }: { bound: unknown[]; form: Record<string, unknown> }) => {
      const actions = (await import(/* @vite-ignore */ `@/app/[locale]/${target.module}`)) as Record<
        string,
        (...args: unknown[]) => Promise<unknown>
      >;
      const state = target.noState ? [] : [{ status: "idle" }];
      return actionOutcome(() => actions[target.action]!(...bound, ...state, formOf(form)));
    },
  });
}

/** A draft the add-a-source form could send back, to reach the join, split and save steps. */
const SOURCE_DRAFT = JSON.stringify(draftFromPlainText("Pierwsze zdanie. Drugie zdanie tutaj.", false));
targets.push({
  name: "action newSourceAction (each step, real draft, hostile metadata and text)",
  input: fc.record({
    op: fc.constantFrom("save", "join:0", "split:0", "split:1", "preview", "join:99999999999"),
    draft: fc.oneof({ weight: 3, arbitrary: fc.constant(SOURCE_DRAFT) }, hostileValue),
    format: fc.oneof(fc.constantFrom("text", "markdown", "tei"), hostileValue),
    text: fc.oneof(
      fc.constantFrom("<TEI><text><body><p>x</div>", "<TEI><teiHeader/></TEI>", "<TEI/>", "", " \n "),
      hostileValue,
    ),
    "words.0": sometimes("1"),
    "words.1": hostileValue,
    titlePl: sometimes("Tytuł"),
    titleEn: sometimes("A title"),
    date: fc.oneof(fc.constantFrom("1939-09-17", "1939-02-30", "17.09.1939"), hostileValue),
    kind: sometimes("primary"),
    language: sometimes("pl"),
    placePl: hostileValue,
    aboutEn: hostileValue,
  }),
  send: async (form: Record<string, unknown>) => {
    const { newSourceAction } = await import("@/app/[locale]/groups/[groupId]/sources/new/actions");
    return actionOutcome(() => newSourceAction("en", group.id, { status: "idle" }, formOf(form)));
  },
});

/** A revision of the revised source (edition 2) the revise form could send back. */
const REVISION_DRAFT = JSON.stringify(
  draftFromPlainText("Pierwsze zdanie tutaj. Trzecie zdanie, poprawione.", false),
);
targets.push({
  name: "action reviseSourceAction (each step, real draft, hostile text and edition)",
  input: fc.record({
    slug: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, hostileValue),
    op: fc.constantFrom("publish", "join:0", "split:0", "preview", "join:99999999999"),
    draft: fc.oneof({ weight: 3, arbitrary: fc.constant(REVISION_DRAFT) }, hostileValue),
    edition: fc.oneof(fc.constantFrom("2", "1", "0", "99999999999"), hostileValue),
    text: fc.oneof(fc.constantFrom("", " \n ", "Nowe zdanie."), hostileValue),
    "words.0": sometimes("1"),
  }),
  send: async ({ slug, ...form }: Record<string, unknown>) => {
    const { reviseSourceAction } = await import("@/app/[locale]/sources/[slug]/revise/actions");
    return actionOutcome(() =>
      reviseSourceAction("en", (slug ?? revisedSlug) as string, { status: "idle" }, formOf(form)),
    );
  },
});
/** A translation of the revised source's edition 2 (two sentences) the add-a-translation form could send back. */
const TRANSLATION_DRAFT = draftFromPlainText("The first sentence here. The third sentence stays.", false);
const TRANSLATION_ALIGNMENT = JSON.stringify({
  text: TRANSLATION_DRAFT.text,
  segments: TRANSLATION_DRAFT.sentences,
});
targets.push({
  name: "action newTranslationAction (each step, real alignment, hostile text, language and edition)",
  input: fc.record({
    slug: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, hostileValue),
    op: fc.constantFrom("save", "read", "join:0", "split:0", "insert:1", "remove:1", "remove:99999999999"),
    alignment: fc.oneof({ weight: 3, arbitrary: fc.constant(TRANSLATION_ALIGNMENT) }, hostileValue),
    edition: fc.oneof(fc.constantFrom("2", "1", "0", "99999999999"), hostileValue),
    format: fc.oneof(fc.constantFrom("text", "markdown", "tei"), hostileValue),
    text: fc.oneof(fc.constantFrom("", " \n ", "One sentence. Two sentences."), hostileValue),
    language: fc.oneof(fc.constantFrom("en", "pl", "de-AT"), hostileValue),
    label: sometimes("English"),
    translator: hostileValue,
    "words.0": sometimes("1"),
  }),
  send: async ({ slug, ...form }: Record<string, unknown>) => {
    const { newTranslationAction } = await import("@/app/[locale]/sources/[slug]/translations/new/actions");
    return actionOutcome(() =>
      newTranslationAction("en", (slug ?? revisedSlug) as string, { status: "idle" }, formOf(form)),
    );
  },
});
targets.push({
  name: "action removeTranslationAction (real source, hostile edition and translation numbers)",
  input: fc.record({
    slug: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, hostileValue),
    edition: fc.oneof(fc.constantFrom("2", "1", "0", "2147483648", "1e309"), hostileValue),
    number: fc.oneof(fc.constantFrom("1", "2", "-1", "99999999999"), hostileValue),
  }),
  send: async ({ slug, ...form }: Record<string, unknown>) => {
    const { removeTranslationAction } =
      await import("@/app/[locale]/sources/[slug]/translations/new/actions");
    return actionOutcome(() =>
      removeTranslationAction("en", (slug ?? revisedSlug) as string, { status: "idle" }, formOf(form)),
    );
  },
});
targets.push({
  name: "action reviewPlacementAction (real placement, hostile decisions and sentences)",
  input: fc.record({
    group: realOrHostile(() => group.id),
    slug: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, hostileValue),
    op: fc.oneof(fc.constantFrom("confirm", "reattach", "reattach-words", "leave"), hostileValue),
    placement: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, hostileValue),
    first: fc.oneof(fc.constantFrom("1", "2", "3", "0", "2147483648"), hostileValue),
    last: fc.oneof(fc.constantFrom("1", "2", "9", "-1"), hostileValue),
    start: fc.oneof(fc.constantFrom("0", "5", "", "-3", "1e309"), hostileValue),
    end: fc.oneof(fc.constantFrom("4", "12", "999999", "2147483648"), hostileValue),
  }),
  send: async ({ group: groupId, slug, placement, ...form }: Record<string, unknown>) => {
    const { reviewPlacementAction } =
      await import("@/app/[locale]/groups/[groupId]/sources/[slug]/review/actions");
    const fields = { ...form, placement: placement ?? placementId };
    return actionOutcome(() =>
      reviewPlacementAction(
        "en",
        groupId as string,
        (slug ?? revisedSlug) as string,
        { status: "idle" },
        formOf(fields),
      ),
    );
  },
});

/** Runs per target: enough to cover every field's hostile kinds, within about a minute in all. */
const RUNS_PER_TARGET = 30;

describe("generated hostile input", () => {
  const totals = { requests: 0, serverErrors: 0, refusals: 0, refusalsThatChangedData: 0 };
  afterAll(() => {
    console.log(
      `hostile input: ${totals.requests} requests and action calls to ${targets.length} targets, ` +
        `${totals.refusals} refused, ${totals.serverErrors} server errors, ${totals.refusalsThatChangedData} refusals that changed data`,
    );
  });

  for (const target of targets) {
    it(`${target.name}: never a server error, and a refusal changes nothing`, async () => {
      // The database as the last call left it: a refusal must leave it so, anything else moves it on.
      let known = await databaseFingerprint();
      await fc.assert(
        fc.asyncProperty(target.input, async (input) => {
          session.user = { id: me.id };
          const outcome = await (target.send as (input: unknown) => Promise<Outcome>)(input);
          totals.requests += 1;
          if (outcome.serverError) totals.serverErrors += 1;
          expect(outcome.serverError, outcome.detail).toBe(false);
          const now = await databaseFingerprint();
          if (outcome.refused) {
            totals.refusals += 1;
            if (now !== known) totals.refusalsThatChangedData += 1;
            expect(now, `refused (${outcome.detail}) but changed the database`).toBe(known);
          }
          known = now;
        }),
        { numRuns: RUNS_PER_TARGET },
      );
    });
  }
});

describe("search's bad input", () => {
  it("answers a query it cannot run with 422 and the reason, never a 5xx", async () => {
    const { GET } = await import("@/app/api/search/route");
    const ask = async (query: string) => {
      const response = await callRoute(GET as Handler, "GET", `/api/search?${query}`);
      const body = (await response.json()) as { error?: { message: string } };
      return `${response.status} ${body.error?.message ?? "ok"}`;
    };
    expect(await ask("q=Mo%C5%9Bcicki")).toBe("200 ok");
    expect(await ask(`q=${"x".repeat(10_000)}`)).toBe("422 searchQueryTooLong");
    expect(await ask("q=a%00b")).toBe("422 textInvalid");
    expect(await ask("q=%ED%A0%80")).toBe("422 searchQueryEmpty");
    expect(await ask("q=%3F!%E2%80%A6")).toBe("422 searchQueryEmpty");
    expect(await ask("q=")).toBe("422 searchQueryRequired");
    expect(await ask("")).toBe("422 searchQueryRequired");
    expect(await ask("q=nota&page=99999999999999999999")).toBe("422 searchPageInvalid");
    expect(await ask("q=nota&limit=1e3")).toBe("422 searchPageInvalid");
    expect(await ask("q=nota&from=2026-02-30")).toBe("422 searchDateInvalid");
    expect(await ask("q=nota&kind=%00")).toBe("422 searchFilterInvalid");
  });
});
