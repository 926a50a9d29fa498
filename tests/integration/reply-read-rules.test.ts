/**
 * The policy's short rule for the replies in a thread's author's own threads (replyInOwnThreadReadWhere,
 * which the live version of every reader's index asks after each change) against its general rule
 * (replyReadWhere): every kind of reply, for the thread's author as a student, as a moderator, and
 * after they left the group, finds exactly the same replies under both.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadMemberships } from "@/lib/annotations/access";
import { replyInOwnThreadReadWhere, replyReadWhere } from "@/lib/auth/policy";
import type { AnnotationVisibility as Visibility } from "@/lib/db/generated/prisma/enums.ts";
import { importedEdition } from "../support/annotation-factories.ts";
import { createGroupWith, createUser, type TestUser } from "../support/factories.ts";
import { testDatabase } from "../support/test-database.ts";

const prisma = () => testDatabase().prisma;

describe("the replies a thread's author reads in their own threads", () => {
  let source: { id: string; editionId: string };
  beforeAll(async () => {
    const edition = await importedEdition();
    const row = await prisma().source.findFirstOrThrow({
      where: { slug: edition.slug },
      select: { id: true, editions: { select: { id: true }, take: 1 } },
    });
    source = { id: row.id, editionId: row.editions[0]!.id };
  });

  async function threadWithEveryKindOfReply(author: TestUser, groupId: string, others: TestUser[]) {
    const base = { sourceId: source.id, editionId: source.editionId, groupId };
    const thread = await prisma().annotation.create({
      data: { ...base, authorId: author.id, visibility: "GROUP", quoteExact: "ZSRR" },
      select: { id: true },
    });
    const kinds: { authorId: string; visibility: Visibility; hidden: boolean; personal?: true }[] = [];
    for (const writer of [author, ...others]) {
      for (const visibility of ["GROUP", "INSTRUCTORS", "PRIVATE"] as const) {
        for (const hidden of [false, true]) kinds.push({ authorId: writer.id, visibility, hidden });
      }
    }
    for (const kind of kinds) {
      await prisma().annotation.create({
        data: {
          ...base,
          parentId: thread.id,
          authorId: kind.authorId,
          visibility: kind.visibility,
          hiddenAt: kind.hidden ? new Date() : null,
        },
      });
    }
    return kinds.length;
  }

  async function bothRules(author: TestUser) {
    const memberships = await loadMemberships(prisma(), author.actor);
    const inOwn = { sourceId: source.id, parent: { authorId: author.id } };
    const ids = async (where: object) =>
      (await prisma().annotation.findMany({ where: { AND: [inOwn, where] }, select: { id: true } }))
        .map((row) => row.id)
        .sort();
    return {
      general: await ids(replyReadWhere(author.actor, memberships)),
      short: await ids(replyInOwnThreadReadWhere(author.actor, memberships)),
    };
  }

  it("finds the same replies for a student, a moderator and a student who left", async () => {
    const [student, classmate, assistant, instructor] = await Promise.all(
      ["student", "classmate", "assistant", "instructor"].map((name) => createUser({ name })),
    );
    const group = await createGroupWith({
      instructor: instructor!,
      tas: [assistant!],
      students: [student!, classmate!],
    });
    const everyone = [student!, classmate!, assistant!, instructor!];
    const count = await threadWithEveryKindOfReply(student!, group.id, everyone.slice(1));
    await threadWithEveryKindOfReply(instructor!, group.id, everyone.slice(0, 3));

    const asStudent = await bothRules(student!);
    expect(asStudent.short).toEqual(asStudent.general);
    // Their own six, and the others' not hidden: a reply's audience always holds the thread's author.
    expect(asStudent.general).toHaveLength(6 + 3 * 3);

    const asModerator = await bothRules(instructor!);
    expect(asModerator.short).toEqual(asModerator.general);
    expect(asModerator.general).toHaveLength(count);

    await prisma().membership.deleteMany({ where: { userId: student!.id, groupId: group.id } });
    const afterLeaving = await bothRules(student!);
    expect(afterLeaving.short).toEqual(afterLeaving.general);
    expect(afterLeaving.general).toHaveLength(6);
  });
});
