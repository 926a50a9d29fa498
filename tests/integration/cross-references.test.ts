/**
 * Cross-references: annotation bodies citing passages of any source. The server checks every cited
 * permalink and rewrites each chip's label and quote from the database (a forged quotation is never
 * shown), keeps the AnnotationReference rows in step with the body on create, reply, edit and delete,
 * and a passage's "cited by" list shows only what the reader may read.
 */
import type { JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { hideAnnotation } from "@/lib/annotations/hide-annotation";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import type { AnnotationView } from "@/lib/annotations/types";
import { createPermalink } from "@/lib/permalinks/create-permalink";
import { findCitingAnnotations } from "@/lib/permalinks/find-citing-annotations";
import { getCitedPassage } from "@/lib/permalinks/get-cited-passage";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import {
  createGroupWith,
  createUser,
  label,
  outcome,
  type TestGroup,
  type TestUser,
} from "../support/factories";
import { testDatabase } from "../support/test-database";

let sovietNote: TestEdition;
let kuty: TestEdition;
beforeAll(async () => {
  sovietNote = await importedEdition("soviet-note");
  kuty = await importedEdition("kuty-directive");
});

const QUOTE = "Z bolszewikami nie walczyć";

/** The permalink of a passage of the Kuty directive. */
async function permalinkOf(quote: string): Promise<string> {
  const start = kuty.text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the Kuty directive`);
  const { id } = await createPermalink(
    {
      source: "kuty-directive",
      editionNumber: kuty.number,
      start,
      end: start + quote.length,
    },
    null,
  );
  return id;
}

/** A body of one paragraph: `text`, then a chip citing the permalink with these (forgeable) attributes. */
function citing(
  text: string,
  permalinkId: string,
  forged: { label?: string; quote?: string } = {},
): JSONContent {
  return {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: `${text} ` },
          {
            type: "passageReference",
            attrs: {
              permalinkId,
              label: forged.label ?? "See this",
              quote: forged.quote ?? "Anything at all",
            },
          },
        ],
      },
    ],
  };
}

/** The chips of a stored body. */
function chipsOf(body: JSONContent | null): Record<string, unknown>[] {
  if (!body) return [];
  if (body.type === "passageReference") return [body.attrs ?? {}];
  return (body.content ?? []).flatMap(chipsOf);
}

const referencesOf = (annotationId: string) =>
  testDatabase()
    .prisma.annotationReference.findMany({ where: { annotationId }, select: { permalinkId: true } })
    .then((rows) => rows.map((row) => row.permalinkId).sort());

const counts = async () => ({
  annotations: await testDatabase().prisma.annotation.count(),
  references: await testDatabase().prisma.annotationReference.count(),
});

/** Who sees which of the citing notes, by the start of their text. */
async function citedBy(actor: Actor, permalinkId: string): Promise<string[]> {
  const list = await findCitingAnnotations(actor, permalinkId);
  return list.map((entry) => entry.excerpt.split(" ")[0]!).sort();
}

describe("saving a body that cites a passage", () => {
  let author: TestUser, polishAuthor: TestUser;
  let group: TestGroup;
  let permalinkId: string;
  beforeAll(async () => {
    [author, polishAuthor] = await Promise.all([createUser({ locale: "en" }), createUser({ locale: "pl" })]);
    const instructor = await createUser();
    group = await createGroupWith({ instructor, students: [author, polishAuthor] });
    permalinkId = await permalinkOf(QUOTE);
  });

  it("the permalink's passage, as the editor previews it", async () => {
    expect(await getCitedPassage(permalinkId, null)).toEqual({
      id: permalinkId,
      slug: "kuty-directive",
      title: { pl: "Dyrektywa z Kut", en: "The Kuty Directive" },
      language: "pl",
      quote: QUOTE,
      firstSentence: 2,
      lastSentence: 2,
      editionNumber: kuty.number,
      verified: true,
    });
    expect(label(await outcome(() => getCitedPassage("AbCdEf1234", null)))).toBe(
      "NOT_FOUND permalinkNotFound",
    );
    expect(label(await outcome(() => getCitedPassage("../x", null)))).toBe("NOT_FOUND permalinkNotFound");
  });

  it("replaces a forged label and quote with the passage's own, in the author's language", async () => {
    const forged = { label: "The Pact, sentence 1", quote: "Poland shall surrender at once" };
    const saved = await createAnnotation(
      author.actor,
      annotationInput(sovietNote, "Władimira Potiomkina", {
        groupId: group.id,
        visibility: "group",
        body: citing("Compare", permalinkId, forged),
      }),
    );
    const labels = { pl: "Dyrektywa z Kut, zd. 2", en: "The Kuty Directive, sentence 2" };
    expect(chipsOf(saved.body)).toEqual([
      { permalinkId, label: "The Kuty Directive, sentence 2", quote: QUOTE, labels, language: "pl" },
    ]);
    // Both labels are stored, so each reader's page shows the chip in their language, whoever wrote it.
    expect(saved.bodyHtml).toBe(
      `<p>Compare <a href="/p/${permalinkId}" class="passage-ref" data-passage-ref="${permalinkId}" ` +
        `title="${QUOTE}"><span class="passage-ref-label" lang="pl">Dyrektywa z Kut, zd. 2</span>` +
        `<span class="passage-ref-label" lang="en">The Kuty Directive, sentence 2</span>` +
        `<span class="passage-ref-quote"> <q lang="pl">${QUOTE}</q></span></a></p>`,
    );
    expect(saved.bodyHtml).not.toContain("surrender");
    expect(saved.bodyHtml).not.toContain("The Pact");
    const row = await testDatabase().prisma.annotation.findUniqueOrThrow({
      where: { id: saved.id },
      select: { bodyText: true, body: true },
    });
    expect(row.bodyText).toBe("Compare The Kuty Directive, sentence 2");
    expect(JSON.stringify(row.body)).not.toContain("surrender");
    expect(await referencesOf(saved.id)).toEqual([permalinkId]);

    const polish = await createAnnotation(
      polishAuthor.actor,
      annotationInput(sovietNote, "Władimira Potiomkina", {
        groupId: group.id,
        visibility: "group",
        body: citing("Por.", permalinkId, forged),
      }),
    );
    expect(chipsOf(polish.body)).toEqual([
      { permalinkId, label: "Dyrektywa z Kut, zd. 2", quote: QUOTE, labels, language: "pl" },
    ]);
  });

  it("labels a passage of several sentences with their range", async () => {
    const sentences = kuty.text.slice(kuty.text.indexOf("Marszałek"), kuty.text.indexOf(" Do niewoli"));
    const several = await permalinkOf(sentences);
    const saved = await createAnnotation(
      author.actor,
      annotationInput(sovietNote, "Władimira Potiomkina", {
        groupId: group.id,
        body: citing("See", several),
      }),
    );
    expect(chipsOf(saved.body)[0]?.label).toBe("The Kuty Directive, sentences 1–3");
  });

  it("a body made of a chip alone is a note", async () => {
    const body: JSONContent = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "passageReference", attrs: { permalinkId, label: "" } }] },
      ],
    };
    const saved = await createAnnotation(
      author.actor,
      annotationInput(sovietNote, "nocie dyplomatycznej", { groupId: group.id, body }),
    );
    expect(saved.bodyHtml).toContain("The Kuty Directive, sentence 2");
  });

  it("refuses an unknown or malformed permalink, and saves nothing", async () => {
    const before = await counts();
    const unknown = citing("Compare", "Zz9Zz9Zz9Z");
    const cases: [string, () => Promise<unknown>, string][] = [
      [
        "a new annotation citing an unknown passage",
        () =>
          createAnnotation(
            author.actor,
            annotationInput(sovietNote, "Potiomkina", { groupId: group.id, body: unknown }),
          ),
        "INVALID referenceNotFound",
      ],
      [
        "a new annotation with a malformed id",
        () =>
          createAnnotation(
            author.actor,
            annotationInput(sovietNote, "Potiomkina", { groupId: group.id, body: citing("x", '"><script>') }),
          ),
        "INVALID referenceInvalid",
      ],
      [
        "a known passage next to an unknown one",
        () => {
          const body = citing("Compare", permalinkId);
          body.content![0]!.content!.push({ type: "passageReference", attrs: { permalinkId: "Zz9Zz9Zz9Z" } });
          return createAnnotation(
            author.actor,
            annotationInput(sovietNote, "Potiomkina", { groupId: group.id, body }),
          );
        },
        "INVALID referenceNotFound",
      ],
    ];
    for (const [name, call, expected] of cases) {
      expect(label(await outcome(call)), name).toBe(expected);
    }
    const error = await createAnnotation(
      author.actor,
      annotationInput(sovietNote, "Potiomkina", { groupId: group.id, body: unknown }),
    ).catch((failure: unknown) => failure);
    expect(error).toMatchObject({
      code: "INVALID",
      message: "referenceNotFound",
      details: { problems: [{ field: "body", message: "referenceNotFound" }] },
    });
    expect(await counts()).toEqual(before);
  });

  it("an edit replaces the references; a refused edit changes nothing; a tombstone keeps none", async () => {
    const other = await permalinkOf("Brak formalnego ogłoszenia");
    const note = await createAnnotation(
      author.actor,
      annotationInput(sovietNote, "rozpadzie państwa", {
        groupId: group.id,
        visibility: "group",
        body: citing("First", permalinkId),
      }),
    );
    expect(await referencesOf(note.id)).toEqual([permalinkId]);

    const refused = await outcome(() =>
      updateAnnotation(author.actor, note.id, { body: citing("Changed", "Zz9Zz9Zz9Z") }),
    );
    expect(label(refused)).toBe("INVALID referenceNotFound");
    expect(await referencesOf(note.id)).toEqual([permalinkId]);
    const unchanged = await testDatabase().prisma.annotation.findUniqueOrThrow({
      where: { id: note.id },
      select: { bodyText: true, editedAt: true },
    });
    expect(unchanged).toEqual({ bodyText: "First The Kuty Directive, sentence 2", editedAt: null });

    const edited = (await updateAnnotation(author.actor, note.id, {
      body: citing("Now", other, { quote: "forged again" }),
    })) as AnnotationView;
    expect(await referencesOf(note.id)).toEqual([other]);
    expect(chipsOf(edited.body)).toEqual([
      {
        permalinkId: other,
        label: "The Kuty Directive, sentence 3",
        quote: "Brak formalnego ogłoszenia",
        labels: { pl: "Dyrektywa z Kut, zd. 3", en: "The Kuty Directive, sentence 3" },
        language: "pl",
      },
    ]);

    const reply = await replyToAnnotation(author.actor, note.id, { body: citing("Also", permalinkId) });
    expect(await referencesOf(reply.id)).toEqual([permalinkId]);
    const refusedReply = await outcome(() =>
      replyToAnnotation(author.actor, note.id, { body: citing("x", "Zz9Zz9Zz9Z") }),
    );
    expect(label(refusedReply)).toBe("INVALID referenceNotFound");

    await deleteAnnotation(author.actor, note.id);
    expect(await referencesOf(note.id)).toEqual([]);
    expect(await referencesOf(reply.id)).toEqual([permalinkId]);
  });
});

describe("a passage's cited-by list follows who may read each citing note", () => {
  let author: TestUser, classmate: TestUser, instructor: TestUser, assistant: TestUser;
  let outsider: TestUser, otherInstructor: TestUser;
  let permalinkId: string;

  beforeAll(async () => {
    const en = () => createUser({ locale: "en" });
    [author, classmate, instructor, assistant, outsider, otherInstructor] = await Promise.all([
      en(),
      en(),
      en(),
      en(),
      en(),
      en(),
    ]);
    const group = await createGroupWith({ instructor, tas: [assistant], students: [author, classmate] });
    const otherGroup = await createGroupWith({ instructor: otherInstructor, students: [outsider] });
    permalinkId = await permalinkOf("chyba w razie natarcia z ich strony");
    const cite = (
      user: TestUser,
      quote: string,
      text: string,
      options: Parameters<typeof annotationInput>[2],
    ) =>
      createAnnotation(
        user.actor,
        annotationInput(sovietNote, quote, { ...options, body: citing(text, permalinkId) }),
      );

    await cite(author, "wszystkie układy z Polską", "private", { groupId: group.id, visibility: "private" });
    await cite(author, "nocie dyplomatycznej", "instructors", {
      groupId: group.id,
      visibility: "instructors",
    });
    const shared = await cite(author, "Władimira Potiomkina", "group", {
      groupId: group.id,
      visibility: "group",
    });
    await cite(author, "rozpadzie państwa", "personal", { groupId: null, visibility: "private" });
    await replyToAnnotation(classmate.actor, shared.id, { body: citing("reply", permalinkId) });
    const hidden = await cite(classmate, "Wacławowi Grzybowskiemu", "hidden", {
      groupId: group.id,
      visibility: "group",
    });
    await hideAnnotation(assistant.actor, hidden.id, { reason: "Off topic" });
    // The same passage cited in another seminar: none of this group's business.
    await cite(outsider, "Potiomkina", "elsewhere", { groupId: otherGroup.id, visibility: "group" });
  });

  it.each([
    // Not the classmate's hidden note: only its writer and the group's moderators still read it.
    ["the author", () => author, ["group", "instructors", "personal", "private", "reply"]],
    ["a classmate (who wrote the hidden note)", () => classmate, ["group", "hidden", "reply"]],
    ["the instructor", () => instructor, ["group", "hidden", "instructors", "reply"]],
    ["the teaching assistant", () => assistant, ["group", "hidden", "instructors", "reply"]],
    ["a member of another group", () => outsider, ["elsewhere"]],
    ["that group's instructor", () => otherInstructor, ["elsewhere"]],
  ])("%s", async (_who, user, expected) => {
    expect(await citedBy(user().actor, permalinkId)).toEqual(expected);
  });

  it("an anonymous reader gets an empty list; an unknown or malformed id is NOT_FOUND", async () => {
    expect(await findCitingAnnotations(null, permalinkId)).toEqual([]);
    expect(label(await outcome(() => findCitingAnnotations(null, "Zz9Zz9Zz9Z")))).toBe(
      "NOT_FOUND permalinkNotFound",
    );
    expect(label(await outcome(() => findCitingAnnotations(author.actor, "x' OR 1=1")))).toBe(
      "NOT_FOUND permalinkNotFound",
    );
  });

  it("each entry says where and by whom, with a short excerpt and the annotated quote", async () => {
    const [reply] = (await findCitingAnnotations(classmate.actor, permalinkId)).filter(
      (entry) => entry.isReply,
    );
    expect(reply).toMatchObject({
      isReply: true,
      source: { slug: "soviet-note" },
      author: { name: classmate.name },
      excerpt: "reply The Kuty Directive, sentence 2",
      quote: "Władimira Potiomkina",
      hidden: false,
    });
    expect(reply!.threadId).not.toBe(reply!.id);
    expect(Date.parse(reply!.createdAt)).not.toBeNaN();

    const long = await createAnnotation(
      author.actor,
      annotationInput(sovietNote, "Potiomkina", {
        groupId: null,
        body: citing("x".repeat(300), permalinkId),
      }),
    );
    const entry = (await findCitingAnnotations(author.actor, permalinkId)).find((e) => e.id === long.id);
    expect(entry?.excerpt).toBe(`${"x".repeat(200)}…`);
  });
});
