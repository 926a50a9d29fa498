import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
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
  // Accounts, the group and its members are set up as forms posted without a page (submitForm):
  // these journeys are about annotating, and groups.spec.ts walks through the same forms on screen.
  await instructor.auth.register(instructor.who);
  const groupPath = await instructor.groups.createQuickly({ name: groupName });
  const groupId = groupPath.split("/").at(-1)!;
  const code = await instructor.groups.joinCodeOf(groupPath);

  const join = async (name: string) => {
    const visitor = Object.assign(await newVisitor(), { who: person(name) });
    await visitor.auth.register(visitor.who);
    expect(await visitor.groups.joinQuickly(code)).toBe(groupPath);
    return visitor;
  };
  const students = await Promise.all(options.students.map(join));
  let assistant: Seminar["assistant"];
  if (options.assistant) {
    assistant = await join(options.assistant);
    await instructor.page.goto(groupPath);
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

/** The source the journeys annotate. */
export const SOURCE = "/en/sources/soviet-note";

/** Opens the source and waits until the annotations are drawn into the text. */
export async function openSource(page: Page, path = SOURCE, layers = 1) {
  await page.goto(path);
  await expect(page.locator('[data-annotations-ready="true"]')).toHaveCount(layers, { timeout: 15_000 });
}

/** Selects the first occurrence of `quote` in the original text, as a mouse drag would. */
export async function selectText(page: Page, quote: string, within = "body") {
  await page.evaluate(
    ([quote, within]) => {
      const texts = [...document.querySelectorAll<HTMLElement>(`${within} [data-start]`)];
      for (const element of texts) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        const whole = nodes.map((n) => n.data).join("");
        const at = whole.indexOf(quote);
        if (at < 0) continue;
        const locate = (offset: number): [Text, number] => {
          for (const node of nodes) {
            if (offset <= node.data.length) return [node, offset];
            offset -= node.data.length;
          }
          throw new Error("offset past the text");
        };
        const range = document.createRange();
        range.setStart(...locate(at));
        range.setEnd(...locate(at + quote.length));
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        element.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return;
      }
      throw new Error(`"${quote}" is not in the text`);
    },
    [quote, within] as const,
  );
}

export function panel(page: Page) {
  return page.getByRole("complementary", { name: /Annotations/ });
}

export function card(page: Page, text: string) {
  return panel(page).getByRole("article").filter({ hasText: text });
}

/** Annotates the passage `quote` with a comment through the floating button and the composer. */
export async function annotate(
  page: Page,
  quote: string,
  note: string,
  options: {
    visibility?: "Only me" | "Instructors and me" | "Whole group";
    kind?: "Comment" | "Question";
    tags?: string;
  } = {},
) {
  await selectText(page, quote);
  const adder = page.getByRole("button", { name: "Annotate", exact: true });
  await expect(adder).toBeVisible();
  await adder.click();
  const composer = panel(page).getByRole("region", { name: "New annotation" });
  await expect(composer).toContainText(quote);
  if (options.kind) await composer.getByRole("radio", { name: options.kind }).check();
  await composer.getByRole("radio", { name: options.visibility ?? "Whole group" }).check();
  await composer.getByRole("textbox", { name: options.kind ?? "Comment" }).fill(note);
  if (options.tags) {
    await composer.getByRole("textbox", { name: "Tags" }).fill(options.tags);
    await composer.getByRole("textbox", { name: "Tags" }).press("Enter");
  }
  await composer.getByRole("button", { name: "Save annotation" }).click();
  await expect(card(page, note)).toBeVisible();
}
