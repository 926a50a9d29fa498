/**
 * Exports read with a personal access token (issue 15): `Authorization: Bearer <token>` on
 * /api/exports/* (and on search and an annotation's JSON-LD) acts as the token's owner, exactly as signed in (a read token is enough, a group's
 * export only for its staff), and an unknown or revoked token is 401 with a clear message.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as assignmentExport from "@/app/api/exports/assignments/[id]/route";
import * as groupExport from "@/app/api/exports/groups/[id]/route";
import * as mineExport from "@/app/api/exports/mine/route";
import * as annotationJsonLd from "@/app/api/annotations/[id]/jsonld/route";
import * as search from "@/app/api/search/route";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createAccessToken } from "@/lib/auth/create-access-token";
import { revokeAccessToken } from "@/lib/auth/revoke-access-token";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import { createGroupWith, createUser, uniqueKey, type TestGroup, type TestUser } from "../support/factories";
import { session } from "../support/fake-current-user";
import { testDatabase } from "../support/test-database";

vi.mock("@/lib/auth/get-current-user", () => import("../support/fake-current-user"));
vi.mock("@/lib/auth/auth", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidatePath: () => {}, revalidateTag: () => {} }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ORIGIN = "https://glossa.example";

let edition: TestEdition;
let teacher: TestUser, student: TestUser;
let group: TestGroup;
let assignmentId: string;
let marker: string;

async function get(
  handler: unknown,
  path: string,
  params: Record<string, string>,
  token?: string,
): Promise<Response> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  // A different address per call, so the failed-token limit of one test never meets another's.
  headers["x-forwarded-for"] = `198.51.100.${Math.floor(Math.random() * 250)}`;
  return (handler as { GET: Handler }).GET(new Request(`${ORIGIN}${path}`, { headers }), {
    params: Promise.resolve(params),
  });
}

beforeAll(async () => {
  edition = await importedEdition("soviet-note");
  [teacher, student] = await Promise.all([createUser(), createUser()]);
  group = await createGroupWith({ instructor: teacher, students: [student] });
  marker = `eksport${uniqueKey()}`;
  await createAnnotation(
    student.actor,
    annotationInput(edition, edition.text.slice(100, 130), {
      groupId: group.id,
      visibility: "group",
      body: `${marker} shared`,
    }),
  );
  await createAnnotation(
    student.actor,
    annotationInput(edition, edition.text.slice(200, 230), {
      groupId: null,
      visibility: "private",
      body: `${marker} mine`,
    }),
  );
  const source = await testDatabase().prisma.source.findUniqueOrThrow({ where: { slug: "soviet-note" } });
  assignmentId = (
    await testDatabase().prisma.assignment.create({
      data: {
        groupId: group.id,
        title: "Week 1",
        opensAt: new Date(Date.now() - 3_600_000),
        dueAt: new Date(Date.now() + 86_400_000),
        timeZone: "Europe/Warsaw",
        readings: { create: { position: 0, sourceId: source.id } },
      },
    })
  ).id;
  session.user = null;
});

describe("exports with a personal access token", () => {
  it("exports one's own notes with a read token, as signed in, and nothing without one", async () => {
    const { token } = await createAccessToken(student.actor, { name: "zotero", scope: "read" });
    const response = await get(mineExport, "/api/exports/mine?format=csv", {}, token);
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).toContain(`${marker} shared`);
    expect(csv).toContain(`${marker} mine`);
    expect((await get(mineExport, "/api/exports/mine?format=csv", {})).status).toBe(401);
  });

  it("never lets a token do more than its owner: a student's token gets 403 on the group's export", async () => {
    const studentToken = (await createAccessToken(student.actor, { name: "s", scope: "read-write" })).token;
    const teacherToken = (await createAccessToken(teacher.actor, { name: "t", scope: "read" })).token;
    const path = `/api/exports/groups/${group.id}?format=jsonld`;
    expect((await get(groupExport, path, { id: group.id }, studentToken)).status).toBe(403);
    const staff = await get(groupExport, path, { id: group.id }, teacherToken);
    expect(staff.status).toBe(200);
    const collection = (await staff.json()) as { total: number };
    expect(collection.total).toBe(1);
    const assignment = await get(
      assignmentExport,
      `/api/exports/assignments/${assignmentId}?format=markdown`,
      { id: assignmentId },
      teacherToken,
    );
    expect(assignment.status).toBe(200);
    expect(await assignment.text()).toContain(`${marker} shared`);
  });

  it("searches and reads an annotation's own JSON-LD as the token's owner; anonymous callers see none of it", async () => {
    const { token } = await createAccessToken(student.actor, { name: "search", scope: "read" });
    const found = async (bearer?: string) => {
      const response = await get(search, `/api/search?q=${marker}&type=notes`, {}, bearer);
      expect(response.status).toBe(200);
      return (await response.json()) as { notes: { total: number; items: { id: string }[] } };
    };
    const mine = await found(token);
    expect(mine.notes.total).toBe(2);
    expect((await found()).notes.total).toBe(0);
    const id = mine.notes.items[0]!.id;
    const path = `/api/annotations/${id}/jsonld`;
    const annotation = await get(annotationJsonLd, path, { id }, token);
    expect(annotation.status).toBe(200);
    expect(((await annotation.json()) as { type: string }).type).toBe("Annotation");
    expect((await get(annotationJsonLd, path, { id })).status).toBe(404);
    // A bad token is refused, not taken for an anonymous caller.
    expect((await get(search, `/api/search?q=${marker}`, {}, "glossa_pat_unknown")).status).toBe(401);
  });

  it("answers 401 with a clear message for an unknown or revoked token, even with a session", async () => {
    const { id, token } = await createAccessToken(teacher.actor, { name: "old", scope: "read" });
    await revokeAccessToken(teacher.actor, { id });
    session.user = { id: teacher.id };
    try {
      for (const bad of [token, "glossa_pat_unknown", "not-a-token"]) {
        const response = await get(groupExport, `/api/exports/groups/${group.id}`, { id: group.id }, bad);
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toContain("invalid_token");
        // The API's errors name their message by key, which the messages file words for people
        // ("The access token is unknown, revoked or expired.").
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error).toMatchObject({ code: "UNAUTHENTICATED", message: "tokenInvalid" });
      }
    } finally {
      session.user = null;
    }
  });
});
