import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { describe as describeRange } from "../../lib/anchoring/describe.ts";
import { expect, person, type Person, type Visitor } from "./account-fixtures";

/**
 * A seminar for annotation tests: an instructor who made a group, students (and optionally a
 * teaching assistant) who joined it with its join code, each in a browser context of their own.
 */
export interface Seminar {
  groupId: string;
  groupName: string;
  instructor: Visitor & { who: Person };
  assistant?: Visitor & { who: Person };
  students: (Visitor & { who: Person })[];
}

let seminars = 0;

export async function createSeminar(
  newVisitor: () => Promise<Visitor>,
  options: { students: string[]; assistant?: string; instructor?: string },
): Promise<Seminar> {
  seminars += 1;
  const groupName = `Seminar ${seminars} ${Date.now().toString(36)} ${process.pid}`;
  const instructor = Object.assign(await newVisitor(), {
    who: person(options.instructor ?? "Irena Prowadząca"),
  });
  await instructor.auth.signUp(instructor.who);
  const groupUrl = await instructor.groups.create({ name: groupName });
  const groupId = new URL(groupUrl).pathname.split("/").at(-1)!;
  const code = await instructor.groups.joinCode();

  const join = async (name: string) => {
    const visitor = Object.assign(await newVisitor(), { who: person(name) });
    await visitor.auth.signUp(visitor.who);
    await visitor.page.goto("/en/join");
    await visitor.page.getByLabel("Join code").fill(code);
    await visitor.page.getByRole("button", { name: "Join group" }).click();
    await expect(visitor.page).toHaveURL(groupUrl);
    return visitor;
  };
  const students = [];
  for (const name of options.students) students.push(await join(name));
  let assistant: Seminar["assistant"];
  if (options.assistant) {
    assistant = await join(options.assistant);
    await instructor.page.reload();
    await instructor.groups.changeRole(assistant.who.name, "Teaching assistant");
  }
  return { groupId, groupName, instructor, assistant, students };
}

const SOURCES = path.resolve(import.meta.dirname, "../../sources");

/** The text of a built-in source's first edition, as the app imports it (final newline dropped). */
export function sourceText(slug: string): string {
  return readFileSync(path.join(SOURCES, slug, "text.pl.txt"), "utf8").replace(/\n$/u, "");
}

/** A Tiptap document of one paragraph. */
export function paragraph(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

/** The body of POST /api/annotations for the first occurrence of `quote` in a built-in source. */
export function annotationRequest(
  slug: string,
  quote: string,
  options: {
    groupId?: string | null;
    visibility?: string;
    kind?: string;
    text?: string;
    tags?: string[];
  } = {},
) {
  const text = sourceText(slug);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in ${slug}`);
  const kind = options.kind ?? "comment";
  return {
    source: slug,
    editionNumber: 1,
    groupId: options.groupId ?? null,
    kind,
    visibility: options.visibility ?? "group",
    selectors: describeRange(text, { start, end: start + quote.length }),
    body: kind === "highlight" ? null : paragraph(options.text ?? `On ${quote}`),
    tags: options.tags ?? [],
  };
}

/** The texts of the annotations a user's list shows for a source in a group. */
export async function listedTexts(
  request: APIRequestContext,
  slug: string,
  groupId: string,
): Promise<string[]> {
  const response = await request.get(`/api/sources/${slug}/annotations?group=${groupId}`);
  expect(response.status()).toBe(200);
  const list = (await response.json()) as { annotations: { bodyHtml: string }[] };
  return list.annotations.map((a) => a.bodyHtml.replace(/<[^>]+>/gu, "")).sort();
}
