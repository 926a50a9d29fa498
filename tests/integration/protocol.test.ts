/**
 * The W3C Web Annotation Protocol endpoints (issue 15) through their route handlers, as a client
 * calls them: each MUST of the specification (and the SHOULDs that apply) from
 * tests/support/annotation-protocol-musts.ts, Prefer, paging, ETags, content types, methods, and
 * personal access tokens (read or read-write, revoked, rate-limited), with who may see and change what.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { createAccessToken } from "@/lib/auth/create-access-token";
import { revokeAccessToken } from "@/lib/auth/revoke-access-token";
import { TOKEN_FAILURES_PER_ADDRESS } from "@/lib/auth/access-token-limiter";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/trusted-proxy";
import { PROTOCOL_PAGE_SIZE } from "@/lib/protocol/get-protocol-container";
import { containerIri } from "@/lib/protocol/protocol-iris";
import * as containerRoute from "@/app/api/protocol/groups/[groupId]/sources/[slug]/route";
import * as annotationRoute from "@/app/api/protocol/groups/[groupId]/sources/[slug]/[annotationId]/route";
import * as personalContainerRoute from "@/app/api/protocol/me/sources/[slug]/route";
import * as personalAnnotationRoute from "@/app/api/protocol/me/sources/[slug]/[annotationId]/route";
import { createSource } from "@/lib/sources/create-source";
import { newSourceInput } from "../support/source-factories";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import { createGroupWith, createUser, uniqueKey, type TestGroup, type TestUser } from "../support/factories";
import { testDatabase } from "../support/test-database";
import {
  annotationResponseProblems,
  containerProblems,
  creationProblems,
  pageProblems,
} from "../support/annotation-protocol-musts";

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
vi.mock("@/lib/auth/auth", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidatePath: () => {}, revalidateTag: () => {} }));

type Json = Record<string, unknown>;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const PREFER = (iri: string) => `return=representation;include="${iri}"`;

let edition: TestEdition;
let instructor: TestUser, anna: TestUser, bartek: TestUser, outsider: TestUser;
let group: TestGroup, otherGroup: TestGroup;
let container: string;
const tokens: Record<string, string> = {};
const notes: Record<string, string> = {};

interface Call {
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
  raw?: string;
}

/**
 * Calls the handler for `method` on `iri` (a container, a page, or an annotation under one), a
 * group's (api/protocol/groups/G/sources/S[/A]) or the caller's personal one (api/protocol/me/sources/S[/A]).
 */
async function call(method: string, iri: string, options: Call = {}): Promise<Response> {
  const url = new URL(iri);
  const parts = url.pathname.split("/").filter(Boolean);
  const personal = parts[2] === "me";
  if (personal) parts.splice(2, 1, "groups", ""); // the same positions as a group's, with no group
  const params: Record<string, string> = { slug: parts[5]! };
  if (!personal) params.groupId = parts[3]!;
  const isAnnotation = parts.length > 6;
  if (isAnnotation) params.annotationId = parts[6]!;
  const routes = personal
    ? { annotation: personalAnnotationRoute, container: personalContainerRoute }
    : { annotation: annotationRoute, container: containerRoute };
  const handlers = (isAnnotation ? routes.annotation : routes.container) as unknown as Record<
    string,
    Handler
  >;
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= ANNO;
  }
  const request = new Request(url, { method, headers, body });
  return handlers[method]!(request, { params: Promise.resolve(params) });
}

async function json(response: Response): Promise<Json> {
  return (await response.json()) as Json;
}

/** A W3C annotation on the first occurrence of `quote` in the edition. */
function w3c(quote: string, extra: Json = {}): Json {
  const start = edition.text.indexOf(quote);
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "Annotation",
    body: { type: "TextualBody", value: `On ${quote}`, format: "text/plain" },
    target: {
      source: `${new URL(container).origin}/sources/${edition.slug}?edition=${edition.number}`,
      selector: [
        { type: "TextQuoteSelector", exact: quote },
        { type: "TextPositionSelector", start, end: start + quote.length },
      ],
    },
    ...extra,
  };
}

const quoteAt = (at: number, length = 12) => edition.text.slice(at, at + length);

beforeAll(async () => {
  edition = await importedEdition("soviet-note");
  [instructor, anna, bartek, outsider] = await Promise.all([
    createUser({ name: "Irena" }),
    createUser({ name: "Anna" }),
    createUser({ name: "Bartek" }),
    createUser({ name: "Olga" }),
  ]);
  group = await createGroupWith({ instructor, students: [anna, bartek], name: "Protocol seminar" });
  otherGroup = await createGroupWith({ instructor: outsider, students: [], name: "Elsewhere" });
  container = containerIri(group.id, edition.slug, undefined);
  const make = async (user: TestUser, quote: string, visibility: "group" | "private", groupId = group.id) =>
    (await createAnnotation(user.actor, annotationInput(edition, quote, { groupId, visibility }))).id;
  notes.annaShared = await make(anna, quoteAt(0), "group");
  notes.bartekPrivate = await make(bartek, quoteAt(40), "private");
  notes.elsewhere = await make(outsider, quoteAt(80), "group", otherGroup.id);
  tokens.annaRead = (await createAccessToken(anna.actor, { name: "reader", scope: "read" })).token;
  tokens.annaWrite = (await createAccessToken(anna.actor, { name: "tool", scope: "read-write" })).token;
  tokens.bartekWrite = (await createAccessToken(bartek.actor, { name: "tool", scope: "read-write" })).token;
  tokens.outsider = (await createAccessToken(outsider.actor, { name: "x", scope: "read-write" })).token;
});

afterAll(async () => {
  await testDatabase().prisma.$disconnect();
});

describe("a container", () => {
  it("keeps every MUST of GET, HEAD and OPTIONS, and lists only what the caller reads", async () => {
    expect(container.endsWith(`/api/protocol/groups/${group.id}/sources/${edition.slug}/`)).toBe(true);
    const response = await call("GET", container, { token: tokens.annaRead });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(containerProblems(response, body, container)).toEqual([]);
    const items = (body.first as Json).items as Json[];
    const ids = items.map((item) => item.id);
    expect(ids).toContain(container + notes.annaShared);
    expect(ids).not.toContain(container + notes.bartekPrivate);
    expect(ids.some((id) => String(id).endsWith(notes.elsewhere!))).toBe(false);
    expect(body.total).toBe(items.length);

    const head = await call("HEAD", container, { token: tokens.annaRead });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("etag")).toBe(response.headers.get("etag"));
    // A browser client on another site asks first (a CORS preflight, with its Origin).
    const options = await call("OPTIONS", container, { headers: { origin: "https://client.example" } });
    expect(options.status).toBe(200);
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
    expect(options.headers.get("access-control-allow-headers")).toContain("Authorization");
    expect(options.headers.get("accept-post")).toBe(ANNO);
    // Empty, yet typed: the W3C's protocol tests read every 2xx answer's type.
    expect(await options.text()).toBe("");
    expect(options.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });

  it("answers Prefer: minimal (no annotations), contained IRIs, or contained descriptions", async () => {
    const minimal = await call("GET", container, {
      token: tokens.annaRead,
      headers: { prefer: PREFER("http://www.w3.org/ns/ldp#PreferMinimalContainer") },
    });
    const minimalBody = await json(minimal);
    expect(minimal.headers.get("preference-applied")).toBe("return=representation");
    expect(typeof minimalBody.first).toBe("string");
    expect(JSON.stringify(minimalBody)).not.toContain('"items"');
    const iris = await json(
      await call("GET", container, {
        token: tokens.annaRead,
        headers: { prefer: PREFER("http://www.w3.org/ns/oa#PreferContainedIRIs") },
      }),
    );
    expect((iris.first as Json).items).toContain(container + notes.annaShared);
    const full = await json(
      await call("GET", container, {
        token: tokens.annaRead,
        headers: { prefer: PREFER("http://www.w3.org/ns/oa#PreferContainedDescriptions") },
      }),
    );
    const first = ((full.first as Json).items as Json[])[0]!;
    expect(first.type).toBe("Annotation");
    expect(first.target).toMatchObject({ source: expect.stringContaining(`/sources/${edition.slug}`) });
    // Each description is whole: what GET of the annotation answers, its @context included.
    expect(first).toEqual(await json(await call("GET", String(first.id), { token: tokens.annaRead })));
  });

  it("answers 304 to a current If-None-Match, and a new ETag once the container changes", async () => {
    const first = await call("GET", container, { token: tokens.annaRead });
    const tag = first.headers.get("etag")!;
    const again = await call("GET", container, { token: tokens.annaRead, headers: { "if-none-match": tag } });
    expect(again.status).toBe(304);
    await createAnnotation(
      anna.actor,
      annotationInput(edition, quoteAt(120), { groupId: group.id, visibility: "group" }),
    );
    const changed = await call("GET", container, {
      token: tokens.annaRead,
      headers: { "if-none-match": tag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(tag);
  });

  it("pages a large container with first, last, next, prev, partOf and total", async () => {
    const big = await createGroupWith({ instructor, students: [anna], name: `Big ${uniqueKey()}` });
    const template = await testDatabase().prisma.annotation.findUniqueOrThrow({
      where: { id: notes.annaShared! },
    });
    const count = PROTOCOL_PAGE_SIZE + 5;
    await testDatabase().prisma.annotation.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        sourceId: template.sourceId,
        editionId: template.editionId,
        groupId: big.id,
        authorId: anna.id,
        kind: template.kind,
        visibility: template.visibility,
        quoteExact: template.quoteExact,
        quotePrefix: template.quotePrefix,
        quoteSuffix: template.quoteSuffix,
        positionStart: template.positionStart,
        positionEnd: template.positionEnd,
        bodyText: `note ${i}`,
        bodyHtml: `<p>note ${i}</p>`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      })),
    });
    const bigContainer = containerIri(big.id, edition.slug, undefined);
    const body = await json(await call("GET", bigContainer, { token: tokens.annaRead }));
    expect(body.total).toBe(count);
    const first = body.first as Json;
    expect(pageProblems(first, bigContainer, 1, 2)).toEqual([]);
    expect((first.items as unknown[]).length).toBe(PROTOCOL_PAGE_SIZE);
    expect(body.last).toBe(first.next);
    const second = await call("GET", String(body.last), { token: tokens.annaRead });
    const page = await json(second);
    expect(second.headers.get("content-location")).toBe(page.id);
    expect(pageProblems(page, bigContainer, 2, 2)).toEqual([]);
    expect(page.startIndex).toBe(PROTOCOL_PAGE_SIZE);
    expect((page.items as unknown[]).length).toBe(5);
    expect(page.next).toBeUndefined();
    expect((await call("GET", `${bigContainer}?page=3`, { token: tokens.annaRead })).status).toBe(404);
    const iriPage = await json(
      await call("GET", `${bigContainer}?page=2&iris=1`, { token: tokens.annaRead }),
    );
    expect(typeof (iriPage.items as unknown[])[0]).toBe("string");
  });

  it("counts in its total the threads and replies the caller reads, exactly those it lists", async () => {
    const seminar = await createGroupWith({
      instructor,
      students: [anna, bartek],
      name: `Replies ${uniqueKey()}`,
    });
    const note = async (user: TestUser, quote: string, visibility: "group" | "private") =>
      (
        await createAnnotation(
          user.actor,
          annotationInput(edition, quote, { groupId: seminar.id, visibility }),
        )
      ).id;
    const reply = async (user: TestUser, to: string, text: string) =>
      (await replyToAnnotation(user.actor, to, { body: bodyFromPlainText(text) })).id;
    const shared = await note(anna, quoteAt(0), "group");
    const hers = await note(bartek, quoteAt(40), "private");
    const answers = [await reply(bartek, shared, "Which treaty?"), await reply(anna, shared, "The pact.")];
    // Bartek's reply in his private thread: his alone.
    const aside = await reply(bartek, hers, "For my essay.");
    const seen = async (user: TestUser) => {
      const token = (await createAccessToken(user.actor, { name: "count", scope: "read" })).token;
      const body = await json(
        await call("GET", containerIri(seminar.id, edition.slug, undefined), { token }),
      );
      const ids = ((body.first as Json).items as Json[]).map((item) => String(item.id).split("/").pop());
      return { total: body.total, ids: ids.sort() };
    };
    expect(await seen(anna)).toEqual({ total: 3, ids: [shared, ...answers].sort() });
    expect(await seen(instructor)).toEqual({ total: 3, ids: [shared, ...answers].sort() });
    expect(await seen(bartek)).toEqual({ total: 5, ids: [shared, hers, ...answers, aside].sort() });
  });

  it("refuses other groups' containers (404), anonymous callers and bad tokens (401 with a challenge)", async () => {
    expect(
      (await call("GET", containerIri(otherGroup.id, edition.slug, undefined), { token: tokens.annaRead }))
        .status,
    ).toBe(404);
    expect(
      (await call("GET", containerIri(group.id, "no-such-source", undefined), { token: tokens.annaRead }))
        .status,
    ).toBe(404);
    const anonymous = await call("GET", container);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="glossa"');
    const unknown = await call("GET", container, { token: "glossa_pat_nothing" });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("answers 406 to an Accept without JSON-LD and 405 (with Allow) to methods it does not take", async () => {
    const html = await call("GET", container, { token: tokens.annaRead, headers: { accept: "text/html" } });
    expect(html.status).toBe(406);
    expect(
      (await call("GET", container, { token: tokens.annaRead, headers: { accept: "application/ld+json" } }))
        .status,
    ).toBe(200);
    const put = await call("PUT", container, { token: tokens.annaWrite, body: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
  });
});

describe("an annotation", () => {
  it("keeps every MUST of GET, HEAD and OPTIONS", async () => {
    const iri = container + notes.annaShared;
    const response = await call("GET", iri, { token: tokens.annaRead });
    const body = await json(response);
    expect(annotationResponseProblems(response, body, container)).toEqual([]);
    expect(body.id).toBe(iri);
    expect((await call("HEAD", iri, { token: tokens.annaRead })).status).toBe(200);
    const options = await call("OPTIONS", iri);
    expect(options.status).toBe(200);
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS, PUT, DELETE");
    expect((await call("POST", iri, { token: tokens.annaWrite, body: {} })).status).toBe(405);
  });

  it("is 404 for someone else's private note, or one of another container", async () => {
    expect((await call("GET", container + notes.bartekPrivate, { token: tokens.annaRead })).status).toBe(404);
    expect((await call("GET", container + notes.elsewhere, { token: tokens.annaRead })).status).toBe(404);
    expect((await call("GET", container + notes.bartekPrivate, { token: tokens.bartekWrite })).status).toBe(
      200,
    );
  });
});

describe("creating, replacing and deleting", () => {
  it("creates an annotation from a W3C document: 201, Location, ETag, canonical kept, its id as via, in the reader", async () => {
    const sent = w3c(quoteAt(200), {
      canonical: `urn:uuid:${crypto.randomUUID()}`,
      id: "http://example.org/mine",
    });
    const response = await call("POST", container, { token: tokens.annaWrite, body: sent });
    const body = await json(response);
    expect(creationProblems(response, body, container, sent)).toEqual([]);
    const id = String(body.id).slice(container.length);
    const row = await testDatabase().prisma.annotation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      groupId: group.id,
      authorId: anna.id,
      visibility: "GROUP",
      quoteExact: quoteAt(200),
    });
    expect(row.positionStart).toBe(200);
    expect(body.motivation).toBe("commenting");
    // The id the client made up is not the annotation's: it is kept as where it came from (`via`).
    expect(body.id).not.toBe(sent.id);
    expect(body.via).toBe("http://example.org/mine");
    expect(body.canonical).toBe(sent.canonical);
    const again = await json(await call("GET", String(body.id), { token: tokens.annaRead }));
    expect(again).toMatchObject({ via: "http://example.org/mine", canonical: sent.canonical });
    // An id that is no IRI is ignored, never refused.
    const odd = await call("POST", container, {
      token: tokens.annaWrite,
      body: w3c(quoteAt(210), { id: "not an iri" }),
    });
    expect(odd.status).toBe(201);
    expect((await json(odd)).via).toBeUndefined();
  });

  it("places a note by its quote alone or its position alone, and refuses selectors that do not fit (422, nothing saved)", async () => {
    const quote = quoteAt(300, 25);
    const byQuote = w3c(quote);
    (byQuote.target as Json).selector = { type: "TextQuoteSelector", exact: quote };
    const created = await json(await call("POST", container, { token: tokens.annaWrite, body: byQuote }));
    expect(((created.target as Json).selector as Json[])[1]).toMatchObject({ start: 300, end: 325 });
    const byPosition = w3c(quote, { motivation: "highlighting", body: undefined });
    (byPosition.target as Json).selector = { type: "TextPositionSelector", start: 300, end: 325 };
    expect((await call("POST", container, { token: tokens.annaWrite, body: byPosition })).status).toBe(201);

    const before = await testDatabase().prisma.annotation.count();
    const missing = w3c(quote);
    (missing.target as Json).selector = {
      type: "TextQuoteSelector",
      exact: "words that are not in the source text",
    };
    const refused = await call("POST", container, { token: tokens.annaWrite, body: missing });
    expect(refused.status).toBe(422);
    expect(((await json(refused)).error as Json).message).toBe("selectorMismatch");
    const outside = w3c(quote);
    (outside.target as Json).selector = {
      type: "TextPositionSelector",
      start: 0,
      end: edition.text.length + 5,
    };
    expect((await call("POST", container, { token: tokens.annaWrite, body: outside })).status).toBe(422);
    const elsewhere = w3c(quote);
    (elsewhere.target as Json).source = "http://example.org/sources/soviet-note";
    const other = await call("POST", container, { token: tokens.annaWrite, body: elsewhere });
    expect(((await json(other)).error as Json).message).toBe("targetNotThisSource");
    expect(await testDatabase().prisma.annotation.count()).toBe(before);
  });

  it("counts a TextPositionSelector in code points, as the model does, in a text with characters outside the BMP", async () => {
    const text = "Szyfr 𝔄 i znak 😀 w depeszy. Druga fraza o pakcie.";
    const { slug } = await createSource(instructor.actor, group.id, newSourceInput(text), []);
    const astralContainer = containerIri(group.id, slug, undefined);
    const quote = "Druga fraza";
    const utf16 = text.indexOf(quote);
    const codePoint = Array.from(text.slice(0, utf16)).length;
    expect(codePoint).toBe(utf16 - 2);
    const source = `${new URL(container).origin}/sources/${slug}?edition=1`;
    const byPosition = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      motivation: "highlighting",
      target: { source, selector: { type: "TextPositionSelector", start: codePoint, end: codePoint + 11 } },
    };
    const created = await call("POST", astralContainer, { token: tokens.annaWrite, body: byPosition });
    expect(created.status).toBe(201);
    const body = await json(created);
    const row = await testDatabase().prisma.annotation.findUniqueOrThrow({
      where: { id: String(body.id).slice(astralContainer.length) },
    });
    expect(row).toMatchObject({ quoteExact: quote, positionStart: utf16, positionEnd: utf16 + 11 });
    // Written back in code points, with the quotation that says the same.
    expect((body.target as Json).selector).toEqual([
      expect.objectContaining({ type: "TextQuoteSelector", exact: quote }),
      { type: "TextPositionSelector", start: codePoint, end: codePoint + 11 },
    ]);
    const again = await json(await call("GET", String(body.id), { token: tokens.annaRead }));
    expect(((again.target as Json).selector as Json[])[1]).toEqual(
      expect.objectContaining({ start: codePoint, end: codePoint + 11 }),
    );
  });

  it("reads an HTML body with the editor's rules (formatting kept, never stored as sent) and tags from tagging bodies", async () => {
    const sent = w3c(quoteAt(400), {
      body: [
        {
          type: "TextualBody",
          format: "text/html",
          value: '<p>Fine <b>point</b></p><script>alert(1)</script><p onclick="x()">Two</p>',
        },
        { type: "TextualBody", purpose: "tagging", value: "border" },
      ],
    });
    const body = await json(await call("POST", container, { token: tokens.annaWrite, body: sent }));
    const row = await testDatabase().prisma.annotation.findUniqueOrThrow({
      where: { id: String(body.id).slice(container.length) },
    });
    expect(row.bodyText).toBe("Fine point\nTwo");
    expect(row.bodyHtml).toBe("<p>Fine <strong>point</strong></p><p>Two</p>");
    expect(row.tags).toEqual(["border"]);
    // HTML nested thousands deep is not read (the parser would run out of stack): 422, nothing saved.
    const before = await testDatabase().prisma.annotation.count();
    const deep = await call("POST", container, {
      token: tokens.annaWrite,
      body: w3c(quoteAt(400), {
        body: { type: "TextualBody", format: "text/html", value: "<ul><li>".repeat(5_000) },
      }),
    });
    expect(deep.status).toBe(422);
    expect(await json(deep)).toMatchObject({ error: { message: "bodyHtmlUnreadable" } });
    expect(await testDatabase().prisma.annotation.count()).toBe(before);
  });

  it("creates a reply when the target is an annotation of the container", async () => {
    const sent = {
      type: "Annotation",
      body: { type: "TextualBody", value: "I agree" },
      target: container + notes.annaShared,
    };
    const response = await call("POST", container, { token: tokens.bartekWrite, body: sent });
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body).toMatchObject({ motivation: "replying", target: container + notes.annaShared });
    const foreign = { ...sent, target: container + notes.elsewhere };
    expect((await call("POST", container, { token: tokens.bartekWrite, body: foreign })).status).toBe(422);
  });

  it("refuses a wrong media type (415), malformed JSON (400), a read token (403), another group (404)", async () => {
    const sent = w3c(quoteAt(500));
    expect(
      (
        await call("POST", container, {
          token: tokens.annaWrite,
          body: sent,
          headers: { "content-type": "text/plain" },
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await call("POST", container, {
          token: tokens.annaWrite,
          raw: "{not json",
          headers: { "content-type": ANNO },
        })
      ).status,
    ).toBe(400);
    const read = await call("POST", container, { token: tokens.annaRead, body: sent });
    expect(read.status).toBe(403);
    expect(read.headers.get("www-authenticate")).toContain("insufficient_scope");
    expect((await call("POST", container, { token: tokens.outsider, body: sent })).status).toBe(404);
    expect(
      (await call("POST", container, { token: tokens.annaWrite, body: { type: "Annotation" } })).status,
    ).toBe(422);
  });

  it("replaces with PUT only with the current If-Match (428, 412), by the author only (403), never moving it", async () => {
    const created = await call("POST", container, { token: tokens.annaWrite, body: w3c(quoteAt(600)) });
    const body = await json(created);
    const iri = String(body.id);
    const tag = created.headers.get("etag")!;
    const changed = {
      ...body,
      body: { type: "TextualBody", value: "Changed my mind", format: "text/plain" },
    };
    expect((await call("PUT", iri, { token: tokens.annaWrite, body: changed })).status).toBe(428);
    expect(
      (await call("PUT", iri, { token: tokens.annaWrite, body: changed, headers: { "if-match": '"old"' } }))
        .status,
    ).toBe(412);
    expect(
      (await call("PUT", iri, { token: tokens.bartekWrite, body: changed, headers: { "if-match": tag } }))
        .status,
    ).toBe(403);
    const moved = { ...changed, target: w3c(quoteAt(700)).target };
    expect(
      (await call("PUT", iri, { token: tokens.annaWrite, body: moved, headers: { "if-match": tag } })).status,
    ).toBe(422);
    const ok = await call("PUT", iri, {
      token: tokens.annaWrite,
      body: changed,
      headers: { "if-match": tag },
    });
    expect(ok.status).toBe(200);
    expect(((await json(ok)).body as Json[])[0]).toMatchObject({ value: "<p>Changed my mind</p>" });
    expect(ok.headers.get("etag")).not.toBe(tag);
  });

  it("deletes with DELETE (204) by the author only; then it is gone (404)", async () => {
    const body = await json(
      await call("POST", container, { token: tokens.annaWrite, body: w3c(quoteAt(800)) }),
    );
    const iri = String(body.id);
    expect((await call("DELETE", iri, { token: tokens.bartekWrite })).status).toBe(403);
    expect(
      (await call("DELETE", iri, { token: tokens.annaWrite, headers: { "if-match": '"old"' } })).status,
    ).toBe(412);
    expect((await call("DELETE", iri, { token: tokens.annaWrite })).status).toBe(204);
    expect((await call("GET", iri, { token: tokens.annaRead })).status).toBe(404);
  });

  it("takes a signed-in session's POST from this site only", async () => {
    session.user = { id: anna.id };
    try {
      const cross = await call("POST", container, {
        body: w3c(quoteAt(900)),
        headers: { origin: "http://evil.example" },
      });
      expect(cross.status).toBe(403);
      const own = await call("POST", container, {
        body: w3c(quoteAt(900)),
        headers: { origin: new URL(container).origin },
      });
      expect(own.status).toBe(201);
    } finally {
      session.user = null;
    }
  });
});

describe("personal access tokens", () => {
  it("stores only a hash, records use, and stops working once revoked (401)", async () => {
    const { id, token } = await createAccessToken(bartek.actor, { name: "short-lived", scope: "read" });
    expect(token.startsWith("glossa_pat_")).toBe(true);
    const row = await testDatabase().prisma.accessToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token.slice(11));
    expect(row.lastUsedAt).toBeNull();
    expect((await call("GET", container, { token })).status).toBe(200);
    expect(
      (await testDatabase().prisma.accessToken.findUniqueOrThrow({ where: { id } })).lastUsedAt,
    ).not.toBeNull();
    await expect(revokeAccessToken(anna.actor, { id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeAccessToken(bartek.actor, { id });
    const revoked = await call("GET", container, { token });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toContain("invalid_token");
  });

  it("limits failed token checks per address (429 with Retry-After)", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 200)}-${uniqueKey()}`;
    for (let i = 0; i < TOKEN_FAILURES_PER_ADDRESS; i++) {
      const response = await call("GET", container, {
        token: `glossa_pat_guess${i}`,
        headers: { [CLIENT_ADDRESS_HEADER]: address },
      });
      expect(response.status).toBe(401);
    }
    const limited = await call("GET", container, {
      token: tokens.annaRead,
      headers: { [CLIENT_ADDRESS_HEADER]: address },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
  });
});

describe("a container of one's personal notes", () => {
  it("lists the caller's own personal notes on the source and nobody else's, by the same MUSTs", async () => {
    const mine = containerIri(null, edition.slug, undefined);
    expect(mine).toMatch(new RegExp(`/api/protocol/me/sources/${edition.slug}/$`, "u"));
    const own = (
      await createAnnotation(anna.actor, annotationInput(edition, quoteAt(900), { visibility: "private" }))
    ).id;
    const theirs = (
      await createAnnotation(bartek.actor, annotationInput(edition, quoteAt(960), { visibility: "private" }))
    ).id;
    const response = await call("GET", mine, {
      token: tokens.annaRead,
      headers: { prefer: PREFER("http://www.w3.org/ns/oa#PreferContainedIRIs") },
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(containerProblems(response, body, mine)).toEqual([]);
    expect(body).toMatchObject({ id: mine, total: 1, label: expect.stringContaining("Personal notes") });
    // Anna's personal note only: not Bartek's, not the group's notes (her shared one included).
    expect((body.first as { items: string[] }).items).toEqual([mine + own]);
    expect((await call("GET", mine + own, { token: tokens.annaRead })).status).toBe(200);
    expect((await call("GET", mine + theirs, { token: tokens.annaRead })).status).toBe(404);
    expect((await call("GET", mine + notes.annaShared, { token: tokens.annaRead })).status).toBe(404);
  });

  it("takes a POST as a private note of its own, replaced and deleted by its author", async () => {
    const mine = containerIri(null, edition.slug, undefined);
    const sent = w3c(quoteAt(1000));
    const created = await call("POST", mine, { token: tokens.bartekWrite, body: sent });
    expect(created.status).toBe(201);
    const body = await json(created);
    expect(creationProblems(created, body, mine, sent)).toEqual([]);
    const id = String(body.id).slice(mine.length);
    const row = await testDatabase().prisma.annotation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ groupId: null, visibility: "PRIVATE", authorId: bartek.id });
    // Another caller's personal container (the same address) does not hold it.
    expect((await call("GET", mine + id, { token: tokens.annaRead })).status).toBe(404);
    const etag = created.headers.get("etag")!;
    const replaced = await call("PUT", mine + id, {
      token: tokens.bartekWrite,
      headers: { "if-match": etag },
      body: { ...w3c(quoteAt(1000)), body: { type: "TextualBody", value: "Revised", format: "text/plain" } },
    });
    expect(replaced.status).toBe(200);
    expect(
      (
        await call("DELETE", mine + id, {
          token: tokens.bartekWrite,
          headers: { "if-match": replaced.headers.get("etag")! },
        })
      ).status,
    ).toBe(204);
    expect((await call("GET", mine + id, { token: tokens.bartekWrite })).status).toBe(404);
  });

  it("is 404 for a source the caller may not read (another group's), and 401 without a caller", async () => {
    const { slug } = await createSource(
      outsider.actor,
      otherGroup.id,
      newSourceInput("Tajna narada. Druga fraza."),
      [],
    );
    const hidden = containerIri(null, slug, undefined);
    const refused = await call("GET", hidden, { token: tokens.annaRead });
    expect(refused.status).toBe(404);
    // An error answer carries the resource's CORS and Link headers, so a client on another site reads it.
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    expect(refused.headers.get("link")).toContain("ldp#BasicContainer");
    expect(refused.headers.get("allow")).toContain("POST");
    expect(
      (await call("GET", containerIri(group.id, slug, undefined), { token: tokens.annaRead })).status,
    ).toBe(404);
    expect((await call("GET", hidden, { token: tokens.outsider })).status).toBe(200);
    expect((await call("GET", containerIri(null, edition.slug, undefined))).status).toBe(401);
  });
});
