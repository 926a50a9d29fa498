/**
 * Who may do what, at the service level: every group action and the profile/password services, called
 * by each kind of caller, against the one outcome the policy allows. Every cell starts from a fresh
 * world and checks the database afterwards: an allowed call had its effect, a refused one had none.
 */
import { describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import { verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/policy";
import { updateProfile } from "@/lib/auth/update-profile";
import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import { emailEnabled } from "@/lib/email/send-email";
import { acceptInvite } from "@/lib/groups/accept-invite";
import { changeRole } from "@/lib/groups/change-role";
import { createGroup } from "@/lib/groups/create-group";
import { createInvite } from "@/lib/groups/create-invite";
import { findGroups } from "@/lib/groups/find-groups";
import { findInvites } from "@/lib/groups/find-invites";
import { getGroup } from "@/lib/groups/get-group";
import { joinByCode } from "@/lib/groups/join-by-code";
import { regenerateJoinCode } from "@/lib/groups/regenerate-join-code";
import { removeMember } from "@/lib/groups/remove-member";
import { revokeInvite } from "@/lib/groups/revoke-invite";
import { sendInviteEmail } from "@/lib/groups/send-invite-email";
import { setCurrentGroup } from "@/lib/groups/set-current-group";
import { updateGroup } from "@/lib/groups/update-group";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { deleteAssignment } from "@/lib/assignments/delete-assignment";
import { getAssignment } from "@/lib/assignments/get-assignment";
import { getAssignmentProgress } from "@/lib/assignments/get-assignment-progress";
import { setAssignmentClosed } from "@/lib/assignments/set-assignment-closed";
import { setExtension } from "@/lib/assignments/set-extension";
import { addFeedback } from "@/lib/assignments/add-feedback";
import { getGradeSheet } from "@/lib/assignments/get-grade-sheet";
import { scoreStudent } from "@/lib/assignments/score-student";
import { setGradesReleased } from "@/lib/assignments/set-grades-released";
import { setRubric } from "@/lib/assignments/set-rubric";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { hideAnnotation } from "@/lib/annotations/hide-annotation";
import { setFeatured } from "@/lib/annotations/set-featured";
import { setHelpfulMark } from "@/lib/annotations/set-helpful-mark";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { SearchInputSchema } from "@/lib/search/schema";
import { searchLibrary } from "@/lib/search/search-library";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { listAnnotationIndex } from "@/lib/annotations/list-annotation-index";
import { utcToZonedTime } from "@/lib/assignments/zoned-time";
import { openExport } from "@/lib/export/open-export";
import { createSource } from "@/lib/sources/create-source";
import { draftFromPlainText } from "@/lib/sources/draft-from-plain-text";
import { describe as describeRange } from "@/lib/anchoring/describe";
import { findReviewItems } from "@/lib/revisions/find-review-items";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { reviewPlacement } from "@/lib/revisions/review-placement";
import { getSourceReading } from "@/lib/sources/get-source-reading";
import { previewSource } from "@/lib/sources/preview-source";
import { newSourceInput } from "../support/source-factories";
import { openNotification } from "@/lib/notifications/mark-notifications-read";
import { updateNotificationSettings } from "@/lib/notifications/notification-settings";
import { createAccessToken } from "@/lib/auth/create-access-token";
import { findAccessTokens } from "@/lib/auth/find-access-tokens";
import { revokeAccessToken } from "@/lib/auth/revoke-access-token";
import { deleteProtocolAnnotation } from "@/lib/protocol/delete-protocol-annotation";
import { getProtocolContainer } from "@/lib/protocol/get-protocol-container";
import { containerIri } from "@/lib/protocol/protocol-iris";
import { annotationInput, importedEdition } from "../support/annotation-factories";
import {
  createGroupWith,
  createInviteRow,
  createUser,
  currentGroupOf,
  label,
  outcome,
  roleIn,
  uniqueKey,
  type TestGroup,
  type TestUser,
} from "../support/factories";
import { testDatabase } from "../support/test-database";

const CALLERS = ["anonymous", "outsider", "student", "assistant", "instructor", "otherInstructor"] as const;
type Caller = (typeof CALLERS)[number];
/** "ok", or the code the call is refused with (CONFLICT with its reason). */
type Expected = "ok" | "UNAUTHENTICATED" | "NOT_FOUND" | "FORBIDDEN" | `CONFLICT ${string}`;

/**
 * The group under test has two instructors (so one may leave or be removed), a teaching assistant, a
 * student, a second student to act on, and an invite link made by an instructor and one by the
 * assistant. The other instructor teaches another group (their current one); the outsider belongs
 * nowhere. Nobody has the group as their current group.
 */
async function makeWorld() {
  const [outsider, instructor, coInstructor, assistant, student, target, otherInstructor] = await Promise.all(
    [createUser(), createUser(), createUser(), createUser(), createUser(), createUser(), createUser()],
  );
  const users: Record<Exclude<Caller, "anonymous">, TestUser> = {
    outsider,
    student,
    assistant,
    instructor,
    otherInstructor,
  };
  const group = await createGroupWith({
    instructor,
    instructors: [coInstructor],
    tas: [assistant],
    students: [student, target],
  });
  const other = await createGroupWith({ instructor: otherInstructor, current: true });
  const instructorInvite = await createInviteRow({ group, createdBy: instructor });
  const assistantInvite = await createInviteRow({ group, createdBy: assistant });
  const assignment = await testDatabase().prisma.assignment.create({
    data: {
      groupId: group.id,
      title: "Week 1",
      opensAt: new Date(Date.now() - DAY_MS),
      dueAt: new Date(Date.now() + DAY_MS),
      timeZone: "UTC",
      criteria: { create: [{ position: 0, title: "Engages the text", maxPoints: 5 }] },
    },
    select: { id: true, criteria: { select: { id: true } } },
  });
  return {
    key: uniqueKey(),
    group,
    other,
    users,
    coInstructor,
    target,
    instructorInvite,
    assistantInvite,
    assignmentId: assignment.id,
    criterionId: assignment.criteria[0]!.id,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
type World = Awaited<ReturnType<typeof makeWorld>>;

interface Cell {
  w: World;
  caller: Caller;
  actor: Actor;
  user: TestUser | null;
  value: unknown;
}

const prisma = () => testDatabase().prisma;
const inviteCount = (group: TestGroup) => prisma().invite.count({ where: { groupId: group.id } });
const memberCount = (group: TestGroup) => prisma().membership.count({ where: { groupId: group.id } });
const revoked = async (id: string) =>
  (await prisma().invite.findUniqueOrThrow({ where: { id } })).revokedAt !== null;
/** The role a caller has in the group under test before anything happens. */
const ROLE_BEFORE: Partial<Record<Caller, GroupRole>> = {
  student: "STUDENT",
  assistant: "TEACHING_ASSISTANT",
  instructor: "INSTRUCTOR",
};
/** After joining: the group is the caller's current one, members keep their role, newcomers are students. */
const joined = async ({ w, caller, user }: Cell) =>
  user !== null &&
  (await currentGroupOf(user)) === w.group.id &&
  (await roleIn(w.group, user)) === (ROLE_BEFORE[caller] ?? "STUDENT");

/** Each action: what it does to the group under test, and whether its effect is there afterwards. */
const ACTIONS = {
  "read the group": {
    run: (w: World, actor: Actor) => getGroup(actor, w.group.id),
    happened: async ({ w, value }: Cell) =>
      (value as Awaited<ReturnType<typeof getGroup>> | undefined)?.members.length === 5 &&
      (value as { name: string }).name === w.group.name,
  },
  "list invites and the join code": {
    run: (w: World, actor: Actor) => findInvites(actor, w.group.id),
    happened: async ({ w, value }: Cell) =>
      (value as Awaited<ReturnType<typeof findInvites>> | undefined)?.joinCode === w.group.joinCode,
  },
  "create an invite for a student": {
    run: (w: World, actor: Actor) => createInvite(actor, w.group.id, { role: "STUDENT" }),
    happened: async ({ w }: Cell) => (await inviteCount(w.group)) === 3,
  },
  "create an invite for a teaching assistant": {
    run: (w: World, actor: Actor) => createInvite(actor, w.group.id, { role: "TEACHING_ASSISTANT" }),
    happened: async ({ w }: Cell) => (await inviteCount(w.group)) === 3,
  },
  "create an invite for an instructor": {
    run: (w: World, actor: Actor) => createInvite(actor, w.group.id, { role: "INSTRUCTOR" }),
    happened: async ({ w }: Cell) => (await inviteCount(w.group)) === 3,
  },
  "revoke an instructor's invite": {
    run: (w: World, actor: Actor) => revokeInvite(actor, w.group.id, w.instructorInvite.id),
    happened: async ({ w }: Cell) => revoked(w.instructorInvite.id),
  },
  "revoke the assistant's own invite": {
    run: (w: World, actor: Actor) => revokeInvite(actor, w.group.id, w.assistantInvite.id),
    happened: async ({ w }: Cell) => revoked(w.assistantInvite.id),
  },
  "regenerate the join code": {
    run: (w: World, actor: Actor) => regenerateJoinCode(actor, w.group.id),
    happened: async ({ w }: Cell) =>
      (await prisma().group.findUniqueOrThrow({ where: { id: w.group.id } })).joinCode !== w.group.joinCode,
  },
  "update the group": {
    run: (w: World, actor: Actor) => updateGroup(actor, w.group.id, { name: `Renamed ${w.key}` }),
    happened: async ({ w }: Cell) =>
      (await prisma().group.findUniqueOrThrow({ where: { id: w.group.id } })).name === `Renamed ${w.key}`,
  },
  "make a student a teaching assistant": {
    run: (w: World, actor: Actor) => changeRole(actor, w.group.id, w.target.id, "TEACHING_ASSISTANT"),
    happened: async ({ w }: Cell) => (await roleIn(w.group, w.target)) === "TEACHING_ASSISTANT",
  },
  "make oneself an instructor": {
    run: (w: World, actor: Actor) => changeRole(actor, w.group.id, actor?.userId ?? "", "INSTRUCTOR"),
    happened: async ({ w, user }: Cell) => user !== null && (await roleIn(w.group, user)) === "INSTRUCTOR",
  },
  "remove a student": {
    run: (w: World, actor: Actor) => removeMember(actor, w.group.id, w.target.id),
    happened: async ({ w }: Cell) => (await roleIn(w.group, w.target)) === null,
  },
  "remove another instructor": {
    run: (w: World, actor: Actor) => removeMember(actor, w.group.id, w.coInstructor.id),
    happened: async ({ w }: Cell) => (await roleIn(w.group, w.coInstructor)) === null,
  },
  "leave the group": {
    run: (w: World, actor: Actor) => removeMember(actor, w.group.id, actor?.userId ?? ""),
    happened: async ({ w, user }: Cell) =>
      (await memberCount(w.group)) === 4 && user !== null && (await roleIn(w.group, user)) === null,
  },
  "make it the current group": {
    run: (w: World, actor: Actor) => setCurrentGroup(actor, w.group.id),
    happened: async ({ w, user }: Cell) => user !== null && (await currentGroupOf(user)) === w.group.id,
  },
  "email an invite to a student": {
    run: (w: World, actor: Actor) => sendInviteEmail(actor, w.group.id, { email: "new@example.test" }, "en"),
    happened: async ({ w }: Cell) => (await inviteCount(w.group)) === 3,
  },
  "email an invite to a teaching assistant": {
    run: (w: World, actor: Actor) =>
      sendInviteEmail(actor, w.group.id, { email: "new@example.test", role: "TEACHING_ASSISTANT" }, "en"),
    happened: async ({ w }: Cell) => (await inviteCount(w.group)) === 3,
  },
  "create a group": {
    run: (w: World, actor: Actor) => createGroup(actor, { name: `New ${w.key}` }),
    happened: async ({ w, user }: Cell) =>
      user !== null &&
      (await prisma().membership.count({
        where: { userId: user.id, role: "INSTRUCTOR", group: { name: `New ${w.key}` } },
      })) === 1,
  },
  "join through an invite link": {
    run: (w: World, actor: Actor) => acceptInvite(actor, w.instructorInvite.token),
    happened: joined,
  },
  "join with the join code": {
    run: (w: World, actor: Actor) => joinByCode(actor, w.group.joinCode, "192.0.2.1"),
    happened: joined,
  },
  "create an assignment": {
    run: async (w: World, actor: Actor) => {
      await importedEdition("soviet-note");
      return createAssignment(actor, w.group.id, {
        title: `Assignment ${w.key}`,
        opensAt: "2026-01-01T10:00",
        dueAt: "2036-01-01T10:00",
        timeZone: "UTC",
        readings: [{ source: "soviet-note" }],
      });
    },
    happened: async ({ w }: Cell) =>
      (await prisma().assignment.count({ where: { groupId: w.group.id, title: `Assignment ${w.key}` } })) ===
      1,
  },
  "read an assignment": {
    run: (w: World, actor: Actor) => getAssignment(actor, w.assignmentId),
    happened: async ({ value }: Cell) => (value as { title?: string } | undefined)?.title === "Week 1",
  },
  "close an assignment early": {
    run: (w: World, actor: Actor) => setAssignmentClosed(actor, w.assignmentId, true),
    happened: async ({ w }: Cell) =>
      (await prisma().assignment.findUniqueOrThrow({ where: { id: w.assignmentId } })).closedAt !== null,
  },
  "delete an assignment": {
    run: (w: World, actor: Actor) => deleteAssignment(actor, w.assignmentId),
    happened: async ({ w }: Cell) =>
      (await prisma().assignment.count({ where: { id: w.assignmentId } })) === 0,
  },
  "give a student an extension": {
    run: (w: World, actor: Actor) =>
      setExtension(actor, w.assignmentId, {
        userId: w.target.id,
        dueAt: "2036-02-01T10:00",
        timeZone: "UTC",
      }),
    happened: async ({ w }: Cell) =>
      (await prisma().assignmentExtension.count({ where: { assignmentId: w.assignmentId } })) === 1,
  },
  "read every student's progress": {
    run: (w: World, actor: Actor) => getAssignmentProgress(actor, w.assignmentId),
    happened: async ({ value }: Cell) => Array.isArray(value) && value.length === 2,
  },
  "export the group's notes": {
    run: (w: World, actor: Actor) => openExport(actor, { kind: "group", groupId: w.group.id }),
    happened: async ({ value }: Cell) => typeof value === "object" && value !== null && "roots" in value,
  },
  "export an assignment's notes": {
    run: (w: World, actor: Actor) => openExport(actor, { kind: "assignment", assignmentId: w.assignmentId }),
    happened: async ({ value }: Cell) => typeof value === "object" && value !== null && "roots" in value,
  },
  "export one's own notes": {
    run: (_w: World, actor: Actor) => openExport(actor, { kind: "mine" }),
    happened: async ({ value }: Cell) => typeof value === "object" && value !== null && "roots" in value,
  },
  "write the rubric": {
    run: (w: World, actor: Actor) =>
      setRubric(actor, w.assignmentId, { criteria: [{ title: `Rubric ${w.key}`, maxPoints: "3" }] }),
    happened: async ({ w }: Cell) =>
      (await prisma().rubricCriterion.count({
        where: { assignmentId: w.assignmentId, title: `Rubric ${w.key}` },
      })) === 1,
  },
  "score a student": {
    run: (w: World, actor: Actor) =>
      scoreStudent(actor, w.assignmentId, w.target.id, {
        scores: [{ criterionId: w.criterionId, points: "2" }],
      }),
    happened: async ({ w }: Cell) =>
      (await prisma().rubricScore.count({ where: { assignmentId: w.assignmentId } })) === 1,
  },
  "give a student private feedback": {
    run: (w: World, actor: Actor) =>
      addFeedback(actor, w.assignmentId, w.target.id, { text: "Well argued." }),
    happened: async ({ w }: Cell) =>
      (await prisma().assignmentFeedback.count({ where: { assignmentId: w.assignmentId } })) === 1,
  },
  "release grades": {
    run: (w: World, actor: Actor) => setGradesReleased(actor, w.assignmentId, true),
    happened: async ({ w }: Cell) =>
      (await prisma().assignment.findUniqueOrThrow({ where: { id: w.assignmentId } })).gradesReleasedAt !==
      null,
  },
  "read another student's grades and feedback": {
    run: (w: World, actor: Actor) => getGradeSheet(actor, w.assignmentId, w.target.id),
    happened: async ({ value }: Cell) =>
      value !== null && value !== undefined && (value as { criteria: unknown[] }).criteria.length === 1,
  },
  "change one's profile": {
    run: (w: World, actor: Actor) => updateProfile(actor, { name: `Renamed ${w.key}`, locale: "en" }),
    happened: async ({ w, user }: Cell) =>
      user !== null &&
      (await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).name === `Renamed ${w.key}`,
  },
  "open the student's notification": {
    run: async (w: World, actor: Actor) => openNotification(actor, await studentNotification(w)),
    happened: async ({ w }: Cell) =>
      (await prisma().notification.findUniqueOrThrow({ where: { id: await studentNotification(w) } }))
        .readAt !== null,
  },
  "save one's notification settings": {
    run: (_w: World, actor: Actor) => updateNotificationSettings(actor, { dailyDigest: "on" }),
    happened: async ({ user }: Cell) =>
      user !== null &&
      (await prisma().notificationSettings.findUnique({ where: { userId: user.id } }))?.dailyDigest === true,
  },
  "set one's password": {
    run: (w: World, actor: Actor) =>
      changePassword(actor, { currentPassword: "", newPassword: `new password ${w.key}` }),
    happened: async ({ w, user }: Cell) => {
      const hash = user && (await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
      return Boolean(hash) && (await verifyPassword(hash!, `new password ${w.key}`));
    },
  },
  "add a source to the group's library": {
    run: (w: World, actor: Actor) =>
      createSource(
        actor,
        w.group.id,
        newSourceInput("Pierwsze zdanie. Drugie.", { titleEn: `Added ${w.key}` }),
        [],
      ),
    happened: async ({ w }: Cell) =>
      (await prisma().source.count({ where: { titleEn: `Added ${w.key}`, groupId: w.group.id } })) === 1,
  },
  "preview a source for the group's library": {
    run: (w: World, actor: Actor) =>
      previewSource(actor, w.group.id, { op: "read", format: "text", text: "Pierwsze zdanie. Drugie." }, []),
    happened: async ({ value }: Cell) =>
      (value as { draft?: { sentences: unknown[] } })?.draft?.sentences.length === 2,
  },
  "add a source to the public library (the instructor administers the site)": {
    run: (w: World, actor: Actor) =>
      createSource(actor, null, newSourceInput("Pierwsze zdanie.", { titleEn: `Public ${w.key}` }), [
        w.users.instructor.email,
      ]),
    happened: async ({ w }: Cell) =>
      (await prisma().source.count({ where: { titleEn: `Public ${w.key}`, groupId: null } })) === 1,
  },
  "read the group's own source": {
    run: async (w: World, actor: Actor) => {
      const input = newSourceInput("Pierwsze zdanie. Drugie.", { titleEn: `Own ${w.key}` });
      const { slug } = await createSource(w.users.instructor.actor, w.group.id, input, []);
      return getSourceReading(slug, actor);
    },
    happened: async ({ w, value }: Cell) =>
      (value as { title?: { en: string } })?.title?.en === `Own ${w.key}`,
  },
  "revise the text of the group's own source": {
    run: async (w: World, actor: Actor) => {
      const { slug } = await revisedSource(w, false);
      return publishRevision(actor, slug, { edition: 1, draft: draftFromPlainText(REVISED, false) }, []);
    },
    happened: async ({ w }: Cell) =>
      (await prisma().edition.count({ where: { source: { titleEn: `Revised ${w.key}` } } })) === 2,
  },
  "list the group's annotations to review after a revision": {
    run: async (w: World, actor: Actor) =>
      findReviewItems(actor, w.group.id, (await revisedSource(w, true)).slug),
    happened: async ({ value }: Cell) => (value as { items?: unknown[] } | undefined)?.items?.length === 1,
  },
  "re-attach an annotation after a revision": {
    run: async (w: World, actor: Actor) => {
      const { slug, placementId } = await revisedSource(w, true);
      return reviewPlacement(actor, w.group.id, slug, {
        op: "reattach",
        placement: placementId,
        first: 1,
        last: 1,
      });
    },
    happened: async ({ w }: Cell) =>
      (await prisma().annotationPlacement.count({
        where: { decision: "REATTACHED", edition: { source: { titleEn: `Revised ${w.key}` } } },
      })) === 1,
  },
} satisfies Record<
  string,
  { run(w: World, actor: Actor): Promise<unknown>; happened(c: Cell): Promise<boolean> }
>;

const ORIGINAL = "Pierwsze zdanie tutaj. Drugie zdanie zniknie. Trzecie zdanie zostaje.";
const REVISED = "Pierwsze zdanie tutaj. Trzecie zdanie zostaje.";

/**
 * A source of the group with a note of the student on its second sentence; `published`: revised by
 * the instructor with that sentence deleted, so the note awaits review (its placement's id).
 */
async function revisedSource(w: World, published: boolean) {
  const input = newSourceInput(ORIGINAL, { titleEn: `Revised ${w.key}` });
  const { slug } = await createSource(w.users.instructor.actor, w.group.id, input, []);
  const start = ORIGINAL.indexOf("Drugie");
  const note = await createAnnotation(w.users.student.actor, {
    source: slug,
    editionNumber: 1,
    groupId: w.group.id,
    kind: "highlight",
    visibility: "group",
    selectors: describeRange(ORIGINAL, { start, end: start + "Drugie zdanie".length }),
    body: null,
  });
  if (!published) return { slug, placementId: "" };
  await publishRevision(
    w.users.instructor.actor,
    slug,
    { edition: 1, draft: draftFromPlainText(REVISED, false) },
    [],
  );
  const placement = await prisma().annotationPlacement.findFirstOrThrow({ where: { annotationId: note.id } });
  return { slug, placementId: placement.id };
}

/** A notification of the group's student about its assignment, made once per world. */
const studentNotifications = new Map<string, Promise<string>>();
function studentNotification(w: World): Promise<string> {
  if (!studentNotifications.has(w.key)) {
    studentNotifications.set(
      w.key,
      prisma()
        .notification.create({
          data: {
            recipientId: w.users.student.id,
            kind: "ASSIGNMENT_OPENED",
            groupId: w.group.id,
            assignmentId: w.assignmentId,
            summary: "Week 1",
            path: `/assignments/${w.assignmentId}`,
          },
          select: { id: true },
        })
        .then((row) => row.id),
    );
  }
  return studentNotifications.get(w.key)!;
}

const U = "UNAUTHENTICATED";
const N = "NOT_FOUND";
const F = "FORBIDDEN";
/** Allowed, but this server has no SMTP: refused for that reason alone, after every check passed. */
const E = "CONFLICT emailDisabled";

// prettier-ignore
const MATRIX: [keyof typeof ACTIONS, Expected, Expected, Expected, Expected, Expected, Expected][] = [
  //                                           anonymous outsider student assistant instructor other instructor
  ["read the group",                             U,        N,       "ok",   "ok",     "ok",      N],
  ["list invites and the join code",             U,        N,       F,      "ok",     "ok",      N],
  ["create an invite for a student",             U,        N,       F,      "ok",     "ok",      N],
  ["create an invite for a teaching assistant",  U,        N,       F,      F,        "ok",      N],
  ["create an invite for an instructor",         U,        N,       F,      F,        "ok",      N],
  ["revoke an instructor's invite",              U,        N,       F,      N,        "ok",      N],
  ["revoke the assistant's own invite",          U,        N,       F,      "ok",     "ok",      N],
  ["regenerate the join code",                   U,        N,       F,      F,        "ok",      N],
  ["update the group",                           U,        N,       F,      F,        "ok",      N],
  ["make a student a teaching assistant",        U,        N,       F,      F,        "ok",      N],
  ["make oneself an instructor",                 U,        N,       F,      F,        "ok",      N],
  ["remove a student",                           U,        N,       F,      F,        "ok",      N],
  ["remove another instructor",                  U,        N,       F,      F,        "ok",      N],
  ["leave the group",                            U,        N,       "ok",   "ok",     "ok",      N],
  ["make it the current group",                  U,        N,       "ok",   "ok",     "ok",      N],
  ["email an invite to a student",               U,        N,       F,      E,        E,         N],
  ["email an invite to a teaching assistant",    U,        N,       F,      F,        E,         N],
  ["create a group",                             U,        "ok",    "ok",   "ok",     "ok",      "ok"],
  ["join through an invite link",                U,        "ok",    "ok",   "ok",     "ok",      "ok"],
  ["join with the join code",                    U,        "ok",    "ok",   "ok",     "ok",      "ok"],
  ["create an assignment",                       U,        N,       F,      "ok",     "ok",      N],
  ["read an assignment",                         U,        N,       "ok",   "ok",     "ok",      N],
  ["close an assignment early",                  U,        N,       F,      "ok",     "ok",      N],
  ["delete an assignment",                       U,        N,       F,      "ok",     "ok",      N],
  ["give a student an extension",                U,        N,       F,      "ok",     "ok",      N],
  ["read every student's progress",              U,        N,       F,      "ok",     "ok",      N],
  ["export the group's notes",                   U,        N,       F,      "ok",     "ok",      N],
  ["export an assignment's notes",               U,        N,       F,      "ok",     "ok",      N],
  ["export one's own notes",                     U,        "ok",    "ok",   "ok",     "ok",      "ok"],
  ["write the rubric",                           U,        N,       F,      "ok",     "ok",      N],
  ["score a student",                            U,        N,       F,      "ok",     "ok",      N],
  ["give a student private feedback",            U,        N,       F,      "ok",     "ok",      N],
  ["release grades",                             U,        N,       F,      "ok",     "ok",      N],
  ["read another student's grades and feedback", U,        N,       F,      "ok",     "ok",      N],
  ["add a source to the group's library",        U,        N,       F,      "ok",     "ok",      N],
  ["preview a source for the group's library",   U,        N,       F,      "ok",     "ok",      N],
  ["add a source to the public library (the instructor administers the site)",
                                                 U,        F,       F,      F,        "ok",      F],
  ["read the group's own source",                N,        N,       "ok",   "ok",     "ok",      N],
  ["revise the text of the group's own source", N,        N,       F,      "ok",     "ok",      N],
  ["list the group's annotations to review after a revision",
                                                 U,        N,       F,      "ok",     "ok",      N],
  ["re-attach an annotation after a revision",   U,        N,       F,      "ok",     "ok",      N],
  ["change one's profile",                       U,        "ok",    "ok",   "ok",     "ok",      "ok"],
  ["set one's password",                         U,        "ok",    "ok",   "ok",     "ok",      "ok"],
  ["open the student's notification",            U,        N,       "ok",   N,        N,         N],
  ["save one's notification settings",           U,        "ok",    "ok",   "ok",     "ok",      "ok"],
];

describe("authorization matrix", () => {
  it("covers every action once", () => {
    expect(MATRIX.map(([action]) => action).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  describe.each(MATRIX)("%s", (action, ...expected) => {
    // The email rows describe a server without SMTP (as in the tests' environment).
    const test = action.startsWith("email") && emailEnabled() ? it.skip : it;
    test.each(CALLERS.map((caller, i) => [caller, expected[i]!] as const))(
      "%s → %s",
      async (caller, expectation) => {
        const w = await makeWorld();
        const user = caller === "anonymous" ? null : w.users[caller];
        const actor: Actor = user?.actor ?? null;
        const result = await outcome<unknown>(() => ACTIONS[action].run(w, actor));
        // The table names the reason only for conflicts; the codes alone decide the rest.
        const got = result.outcome === "CONFLICT" ? label(result) : result.outcome;
        expect(got).toBe(expectation);
        const value = "value" in result ? result.value : undefined;
        expect(await ACTIONS[action].happened({ w, caller, actor, user, value })).toBe(expectation === "ok");
      },
    );
  });
});

describe("listing one's groups", () => {
  it.each([
    ["anonymous", []],
    ["outsider", []],
    ["student", ["group"]],
    ["assistant", ["group"]],
    ["instructor", ["group"]],
    ["otherInstructor", ["other"]],
  ] as const)("%s sees %j", async (caller, expected) => {
    const w = await makeWorld();
    const groups = await findGroups(caller === "anonymous" ? null : w.users[caller].actor);
    expect(groups.map((g) => g.id)).toEqual(expected.map((which) => w[which].id));
  });
});

/**
 * Writes on annotations, by each kind of caller: the student's own note (and reply), and hiding the
 * work of each role. A removed member's writes end at once; moderators may not hide the work of
 * someone of a higher role (a teaching assistant cannot hide an instructor's, an instructor anyone's).
 */
describe("annotation writes", () => {
  const WRITERS = ["author", "removedAuthor", "classmate", "assistant", "instructor", "outsider"] as const;
  type Writer = (typeof WRITERS)[number];

  async function makeThreads() {
    const [author, removedAuthor, classmate, assistant, otherAssistant, instructor, outsider] =
      await Promise.all([
        createUser(),
        createUser(),
        createUser(),
        createUser(),
        createUser(),
        createUser(),
        createUser(),
      ]);
    const group = await createGroupWith({
      instructor,
      tas: [assistant, otherAssistant],
      students: [author, removedAuthor, classmate],
    });
    const edition = await importedEdition("soviet-note");
    const note = (user: TestUser, quote: string) =>
      createAnnotation(
        user.actor,
        annotationInput(edition, quote, { groupId: group.id, visibility: "group", body: "A note" }),
      );
    const studentNote = await note(author, "ucieczce rządu");
    const removedNote = await note(removedAuthor, "Władimira Potiomkina");
    const assistantNote = await note(otherAssistant, "nocie dyplomatycznej");
    const instructorNote = await note(instructor, "rozpadzie państwa");
    const instructorReply = await replyToAnnotation(instructor.actor, studentNote.id, {
      body: bodyFromPlainText("The instructor's reply"),
    });
    await removeMember(instructor.actor, group.id, removedAuthor.id);
    const users: Record<Writer, TestUser> = {
      author,
      removedAuthor,
      classmate,
      assistant,
      instructor,
      outsider,
    };
    return { users, studentNote, removedNote, assistantNote, instructorNote, instructorReply };
  }
  type Threads = Awaited<ReturnType<typeof makeThreads>>;

  const row = (id: string) => prisma().annotation.findUniqueOrThrow({ where: { id } });
  const ownNote = (t: Threads, writer: Writer) =>
    writer === "removedAuthor" ? t.removedNote : t.studentNote;

  const WRITES = {
    "edit one's own note (others: the student's)": {
      run: (t: Threads, w: Writer) =>
        updateAnnotation(t.users[w].actor, ownNote(t, w).id, { body: bodyFromPlainText("Changed") }),
      happened: async (t: Threads, w: Writer) => (await row(ownNote(t, w).id)).bodyText === "Changed",
    },
    "delete one's own note (others: the student's)": {
      run: (t: Threads, w: Writer) => deleteAnnotation(t.users[w].actor, ownNote(t, w).id),
      happened: async (t: Threads, w: Writer) => {
        const after = await prisma().annotation.findUnique({ where: { id: ownNote(t, w).id } });
        return after === null || after.deletedAt !== null;
      },
    },
    "reply to one's own note (others: the student's)": {
      run: (t: Threads, w: Writer) =>
        replyToAnnotation(t.users[w].actor, ownNote(t, w).id, { body: bodyFromPlainText("Reply") }),
      happened: async (t: Threads, w: Writer) =>
        (await prisma().annotation.count({ where: { parentId: ownNote(t, w).id, bodyText: "Reply" } })) === 1,
    },
    "hide a student's note": {
      run: (t: Threads, w: Writer) => hideAnnotation(t.users[w].actor, t.studentNote.id, { reason: "r" }),
      happened: async (t: Threads) => (await row(t.studentNote.id)).hiddenAt !== null,
    },
    "hide another assistant's note": {
      run: (t: Threads, w: Writer) => hideAnnotation(t.users[w].actor, t.assistantNote.id, { reason: "r" }),
      happened: async (t: Threads) => (await row(t.assistantNote.id)).hiddenAt !== null,
    },
    "hide an instructor's note": {
      run: (t: Threads, w: Writer) => hideAnnotation(t.users[w].actor, t.instructorNote.id, { reason: "r" }),
      happened: async (t: Threads) => (await row(t.instructorNote.id)).hiddenAt !== null,
    },
    "hide an instructor's reply": {
      run: (t: Threads, w: Writer) => hideAnnotation(t.users[w].actor, t.instructorReply.id, { reason: "r" }),
      happened: async (t: Threads) => (await row(t.instructorReply.id)).hiddenAt !== null,
    },
    "mark the student's note helpful": {
      run: (t: Threads, w: Writer) => setHelpfulMark(t.users[w].actor, t.studentNote.id, true),
      happened: async (t: Threads, w: Writer) =>
        (await prisma().annotationMark.count({
          where: { annotationId: t.studentNote.id, userId: t.users[w].id },
        })) === 1 && (await row(t.studentNote.id)).helpfulCount === 1,
    },
    "mark the instructor's reply helpful": {
      run: (t: Threads, w: Writer) => setHelpfulMark(t.users[w].actor, t.instructorReply.id, true),
      happened: async (t: Threads) =>
        (await prisma().annotationMark.count({ where: { annotationId: t.instructorReply.id } })) > 0,
    },
    "highlight the student's note": {
      run: (t: Threads, w: Writer) => setFeatured(t.users[w].actor, t.studentNote.id, true),
      happened: async (t: Threads) => (await row(t.studentNote.id)).featuredAt !== null,
    },
  } satisfies Record<
    string,
    { run(t: Threads, w: Writer): Promise<unknown>; happened(t: Threads, w: Writer): Promise<boolean> }
  >;

  // prettier-ignore
  const WRITE_MATRIX: [keyof typeof WRITES, Expected, Expected, Expected, Expected, Expected, Expected][] = [
    //                                                 author  removed author classmate assistant instructor outsider
    ["edit one's own note (others: the student's)",     "ok",   F,             F,        F,        F,         N],
    ["delete one's own note (others: the student's)",   "ok",   F,             F,        F,        F,         N],
    ["reply to one's own note (others: the student's)", "ok",   F,             "ok",     "ok",     "ok",      N],
    ["hide a student's note",                           F,      N,             F,        "ok",     "ok",      N],
    ["hide another assistant's note",                   F,      N,             F,        "ok",     "ok",      N],
    ["hide an instructor's note",                       F,      N,             F,        F,        "ok",      N],
    ["hide an instructor's reply",                      F,      N,             F,        F,        "ok",      N],
    ["mark the student's note helpful",                 F,      N,             "ok",     "ok",     "ok",      N],
    ["mark the instructor's reply helpful",             F,      N,             F,        F,        F,         N],
    ["highlight the student's note",                    F,      N,             F,        "ok",     "ok",      N],
  ];

  it("covers every write once", () => {
    expect(WRITE_MATRIX.map(([action]) => action).sort()).toEqual(Object.keys(WRITES).sort());
  });

  describe.each(WRITE_MATRIX)("%s", (action, ...expected) => {
    it.each(WRITERS.map((writer, i) => [writer, expected[i]!] as const))(
      "%s → %s",
      async (writer, expectation) => {
        const t = await makeThreads();
        const result = await outcome<unknown>(() => WRITES[action].run(t, writer));
        expect(result.outcome === "CONFLICT" ? label(result) : result.outcome).toBe(expectation);
        expect(await WRITES[action].happened(t, writer)).toBe(expectation === "ok");
      },
    );
  });
});

/**
 * The search channel (lib/search): what each kind of caller finds among notes of every audience.
 * Results, their count and the header's suggestions (the same service with a small limit) all come
 * from one query under the policy, so a note must be missing from all three or from none: the
 * results and the total are checked together. Moderators find hidden notes (they read them in the
 * reader too, marked); nobody finds a deleted note (a tombstone keeps its quotation).
 */
describe("search", () => {
  const SEARCHERS = [
    "anonymous",
    "outsider",
    "author",
    "classmate",
    "assistant",
    "instructor",
    "otherMember",
  ] as const;
  type Searcher = (typeof SEARCHERS)[number];

  async function makeNotes() {
    const [author, classmate, assistant, instructor, outsider, otherMember] = await Promise.all([
      createUser(),
      createUser(),
      createUser(),
      createUser(),
      createUser(),
      createUser(),
    ]);
    const group = await createGroupWith({ instructor, tas: [assistant], students: [author, classmate] });
    const other = await createGroupWith({ instructor: otherMember });
    const edition = await importedEdition("soviet-note");
    const marker = `szukaj${uniqueKey()}`;
    const note = (
      user: TestUser,
      quote: string,
      groupId: string | null,
      visibility: "group" | "instructors" | "private",
    ) =>
      createAnnotation(
        user.actor,
        annotationInput(edition, quote, { groupId, visibility, body: `${marker} ${quote}` }),
      );
    const groupNote = await note(author, "ucieczce rządu", group.id, "group");
    const privateNote = await note(author, "rozpadzie państwa", group.id, "private");
    const personalNote = await note(author, "nocie dyplomatycznej", null, "private");
    const instructorsNote = await note(author, "Władimira Potiomkina", group.id, "instructors");
    const hiddenNote = await note(author, "ochrony mienia", group.id, "group");
    await hideAnnotation(instructor.actor, hiddenNote.id, { reason: "off topic" });
    const otherGroupNote = await note(otherMember, "ucieczce rządu", other.id, "group");
    const reply = await replyToAnnotation(classmate.actor, groupNote.id, {
      body: bodyFromPlainText(`${marker} odpowiedź`),
    });
    const deletedNote = await note(author, "ambasadorowi RP", group.id, "group");
    await replyToAnnotation(classmate.actor, deletedNote.id, { body: bodyFromPlainText("Reply kept") });
    await deleteAnnotation(author.actor, deletedNote.id);
    const users: Record<Exclude<Searcher, "anonymous">, TestUser> = {
      outsider,
      author,
      classmate,
      assistant,
      instructor,
      otherMember,
    };
    // An assignment of the group on the whole source: the filter keeps the group's notes only.
    const source = await testDatabase().prisma.source.findUniqueOrThrow({ where: { slug: "soviet-note" } });
    const assignment = await testDatabase().prisma.assignment.create({
      data: {
        groupId: group.id,
        title: "Week 1",
        opensAt: new Date(),
        dueAt: new Date(Date.now() + 86_400_000),
        timeZone: "Europe/Warsaw",
        readings: { create: { position: 0, sourceId: source.id } },
      },
    });
    const notes = {
      "group note": groupNote.id,
      "private note in the group": privateNote.id,
      "personal note": personalNote.id,
      "note for instructors": instructorsNote.id,
      "hidden note": hiddenNote.id,
      "note in another group": otherGroupNote.id,
      "reply in a group thread": reply.id,
      "deleted note (tombstone)": deletedNote.id,
    };
    return { marker, users, notes, assignmentId: assignment.id };
  }

  /** Notes outside the group, which its assignment's filter never finds. */
  const OUTSIDE_THE_GROUP = ["personal note", "note in another group"];

  const Y = true;
  const _ = false;
  // prettier-ignore
  const SEARCH_MATRIX: [string, ...boolean[]][] = [
    //                               anonymous outsider author classmate assistant instructor other member
    ["group note",                   _,        _,       Y,     Y,        Y,        Y,         _],
    ["private note in the group",    _,        _,       Y,     _,        _,        _,         _],
    ["personal note",                _,        _,       Y,     _,        _,        _,         _],
    ["note for instructors",         _,        _,       Y,     _,        Y,        Y,         _],
    ["hidden note",                  _,        _,       Y,     _,        Y,        Y,         _],
    ["note in another group",        _,        _,       _,     _,        _,        _,         Y],
    ["reply in a group thread",      _,        _,       Y,     Y,        Y,        Y,         _],
    ["deleted note (tombstone)",     _,        _,       _,     _,        _,        _,         _],
  ];

  it.each(SEARCHERS.map((searcher, i) => [searcher, i] as const))(
    "%s finds exactly the notes the policy lets them read",
    async (searcher, column) => {
      const world = await makeNotes();
      const actor = searcher === "anonymous" ? null : world.users[searcher].actor;
      const expected = SEARCH_MATRIX.filter((row) => row[column + 1]).map(
        ([name]) => world.notes[name as keyof typeof world.notes],
      );
      const found = await searchLibrary(actor, SearchInputSchema.parse({ q: world.marker, type: "notes" }));
      expect(found.notes.items.map((n) => n.id).sort()).toEqual(expected.sort());
      expect(found.notes.total).toBe(expected.length);
      // The tombstone's quotation is still stored, yet it is found by nobody.
      const quoted = await searchLibrary(
        actor,
        SearchInputSchema.parse({ q: '"ambasadorowi RP"', type: "notes" }),
      );
      expect(quoted.notes.items.map((n) => n.id)).not.toContain(world.notes["deleted note (tombstone)"]);
      // Filtered by the group's assignment: the same notes, less those outside the group; nothing
      // for whoever is not in the group (the assignment is as unknown to them as one that is not).
      const inGroup = SEARCH_MATRIX.filter(
        (row) => row[column + 1] && !OUTSIDE_THE_GROUP.includes(row[0]),
      ).map(([name]) => world.notes[name as keyof typeof world.notes]);
      const member = ["author", "classmate", "assistant", "instructor"].includes(searcher);
      const filtered = await searchLibrary(
        actor,
        SearchInputSchema.parse({ q: world.marker, type: "notes", assignment: world.assignmentId }),
      );
      expect(filtered.notes.items.map((n) => n.id).sort()).toEqual(member ? inGroup.sort() : []);
      expect(filtered.notes.total).toBe(member ? inGroup.length : 0);
    },
  );
});

/**
 * The Web Annotation Protocol's container of a group on a source (lib/protocol) lists exactly what
 * each caller reads in the reader, and nothing to anyone outside the group; its writes keep to the
 * same rules (only the author deletes). Personal access tokens are each person's own.
 */
describe("protocol containers and access tokens", () => {
  const CALLERS_HERE = [
    "anonymous",
    "outsider",
    "author",
    "classmate",
    "assistant",
    "instructor",
    "otherMember",
  ] as const;
  type Here = (typeof CALLERS_HERE)[number];

  async function makeContainer() {
    const [author, classmate, assistant, instructor, outsider, otherMember] = await Promise.all(
      Array.from({ length: 6 }, () => createUser()),
    );
    const group = await createGroupWith({
      instructor: instructor!,
      tas: [assistant!],
      students: [author!, classmate!],
    });
    const other = await createGroupWith({ instructor: otherMember! });
    const edition = await importedEdition("soviet-note");
    const note = (
      user: TestUser,
      quote: string,
      groupId: string | null,
      visibility: "group" | "instructors" | "private",
    ) => createAnnotation(user.actor, annotationInput(edition, quote, { groupId, visibility }));
    const groupNote = await note(author!, "ucieczce rządu", group.id, "group");
    const privateNote = await note(author!, "rozpadzie państwa", group.id, "private");
    await note(author!, "nocie dyplomatycznej", null, "private");
    const instructorsNote = await note(author!, "Władimira Potiomkina", group.id, "instructors");
    const hiddenNote = await note(author!, "ochrony mienia", group.id, "group");
    await hideAnnotation(instructor!.actor, hiddenNote.id, { reason: "off topic" });
    await note(otherMember!, "ucieczce rządu", other.id, "group");
    const reply = await replyToAnnotation(classmate!.actor, groupNote.id, {
      body: bodyFromPlainText("Reply"),
    });
    const users: Record<Exclude<Here, "anonymous">, TestUser> = {
      outsider: outsider!,
      author: author!,
      classmate: classmate!,
      assistant: assistant!,
      instructor: instructor!,
      otherMember: otherMember!,
    };
    const notes = {
      "group note": groupNote.id,
      "private note in the group": privateNote.id,
      "note for instructors": instructorsNote.id,
      "hidden note": hiddenNote.id,
      "reply in a group thread": reply.id,
    };
    const address = {
      groupId: group.id,
      slug: edition.slug,
      iri: containerIri(group.id, edition.slug, undefined),
      readerOrigin: undefined,
    };
    return { users, notes, address };
  }

  const Y = true;
  const _ = false;
  // prettier-ignore
  const LISTED: [string, ...boolean[]][] = [
    //                               anonymous outsider author classmate assistant instructor other member
    ["group note",                   _,        _,       Y,     Y,        Y,        Y,         _],
    ["private note in the group",    _,        _,       Y,     _,        _,        _,         _],
    ["note for instructors",         _,        _,       Y,     _,        Y,        Y,         _],
    ["hidden note",                  _,        _,       Y,     _,        Y,        Y,         _],
    ["reply in a group thread",      _,        _,       Y,     Y,        Y,        Y,         _],
  ];
  // The personal note and the other group's note are on the same source: no column lists them.
  const REFUSED: Partial<Record<Here, string>> = {
    anonymous: "UNAUTHENTICATED",
    outsider: "NOT_FOUND",
    otherMember: "NOT_FOUND",
  };
  // prettier-ignore
  const DELETE_GROUP_NOTE: Record<Here, Expected> = {
    anonymous: "UNAUTHENTICATED", outsider: "NOT_FOUND", author: "ok", classmate: "FORBIDDEN",
    assistant: "FORBIDDEN", instructor: "FORBIDDEN", otherMember: "NOT_FOUND",
  };

  it.each(CALLERS_HERE.map((caller, i) => [caller, i] as const))(
    "%s: the container lists exactly what they read, and only the author deletes through it",
    async (caller, column) => {
      const world = await makeContainer();
      const actor = caller === "anonymous" ? null : world.users[caller].actor;
      const listed = await outcome(() => getProtocolContainer(actor, world.address, "iris"));
      if (REFUSED[caller]) {
        expect(listed.outcome).toBe(REFUSED[caller]);
      } else {
        const expected = LISTED.filter((row) => row[column + 1]).map(
          ([name]) => world.address.iri + world.notes[name as keyof typeof world.notes],
        );
        const value = (listed as { value: { total: number; first?: { items: string[] } } }).value;
        expect([...(value.first?.items ?? [])].sort()).toEqual(expected.sort());
        expect(value.total).toBe(expected.length);
      }
      const deleted = await outcome(() =>
        deleteProtocolAnnotation(actor, world.address, world.notes["group note"], null),
      );
      expect(deleted.outcome).toBe(DELETE_GROUP_NOTE[caller]);
      const gone = (await prisma().annotation.findUnique({ where: { id: world.notes["group note"] } }))
        ?.deletedAt;
      expect(gone !== null && gone !== undefined).toBe(DELETE_GROUP_NOTE[caller] === "ok");
    },
  );

  it("lets each person list and revoke only their own tokens; anonymous callers make none", async () => {
    const [owner, other] = await Promise.all([createUser(), createUser()]);
    const { id } = await createAccessToken(owner.actor, { name: "mine", scope: "read" });
    expect((await findAccessTokens(other.actor)).map((token) => token.id)).not.toContain(id);
    expect((await outcome(() => revokeAccessToken(other.actor, { id }))).outcome).toBe("NOT_FOUND");
    expect((await prisma().accessToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    expect((await outcome(() => createAccessToken(null, { name: "x", scope: "read" }))).outcome).toBe(
      "UNAUTHENTICATED",
    );
    expect((await outcome(() => findAccessTokens(null))).outcome).toBe("UNAUTHENTICATED");
    expect((await outcome(() => revokeAccessToken(owner.actor, { id }))).outcome).toBe("ok");
  });
});

describe("anonymous to peers", () => {
  const READERS = ["author", "classmate", "assistant", "instructor", "outsider"] as const;
  type Reader = (typeof READERS)[number];
  /** Who is sent the author's name and id on each read path (the rest: neither). */
  const NAMED: Record<Reader, boolean> = {
    author: true,
    classmate: false,
    assistant: true,
    instructor: true,
    outsider: false,
  };

  async function makeWorld() {
    const key = uniqueKey();
    const [author, classmate, assistant, instructor, outsider] = await Promise.all(
      ["Autorka", "Kolega", "Asystent", "Prowadząca", "Obcy"].map((name) =>
        createUser({ name: `${name} ${key}` }),
      ),
    );
    const group = await createGroupWith({
      instructor: instructor!,
      tas: [assistant!],
      students: [author!, classmate!],
      current: true,
    });
    await createGroupWith({ instructor: outsider!, current: true });
    const edition = await importedEdition("soviet-note");
    const zone = "Europe/Warsaw";
    const { id } = await createAssignment(instructor!.actor, group.id, {
      title: "Anonymous",
      opensAt: utcToZonedTime(new Date(Date.now() - 60 * 60 * 1000), zone),
      dueAt: utcToZonedTime(new Date(Date.now() + 48 * 60 * 60 * 1000), zone),
      timeZone: zone,
      minAnnotations: "1",
      readings: JSON.stringify([{ source: "soviet-note" }]),
    });
    await testDatabase().prisma.assignment.update({ where: { id }, data: { anonymousToPeers: true } });
    const marker = `anonim${key}`;
    await createAnnotation(
      author!.actor,
      annotationInput(edition, "ucieczce rządu", { groupId: group.id, visibility: "group", body: marker }),
    );
    const users = { author, classmate, assistant, instructor, outsider } as Record<Reader, TestUser>;
    return { users, marker };
  }

  for (const reader of READERS) {
    it(`${reader}: ${NAMED[reader] ? "is sent the author's name" : "is sent neither the author's name nor id"} on every read path`, async () => {
      const { users, marker } = await makeWorld();
      const actor = users[reader].actor;
      const responses = await Promise.all([
        listAnnotations(actor, "soviet-note"),
        listAnnotationIndex(actor, "soviet-note"),
        searchLibrary(actor, SearchInputSchema.parse({ q: marker, type: "notes" })),
      ]);
      const text = JSON.stringify(responses);
      expect(text.includes(users.author.name)).toBe(NAMED[reader]);
      expect(text.includes(users.author.id)).toBe(NAMED[reader]);
      // Everyone but the outsider reads the note itself.
      expect(text.includes(marker)).toBe(reader !== "outsider");
    });
  }
});
