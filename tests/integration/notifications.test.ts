/**
 * Notifications: each kind made for the right people only (replies, @mentions, new assignments, due
 * within 24 hours, feedback and grades), never for work the recipient may not read, never to the
 * actor; removed members get none; settings respected; the due-date job run twice or on two
 * "instances" at once notifies once; the list hides the text of targets no longer readable; emails
 * are sent after the write and a failing one never fails it.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const mail = vi.hoisted(() => ({
  enabled: false,
  sent: [] as { to: string; subject: string; text: string }[],
  fail: false,
}));
vi.mock("@/lib/email/send-email", () => ({
  emailEnabled: () => mail.enabled,
  sendEmail: async (email: { to: string; subject: string; text: string }) => {
    if (mail.fail) throw new Error("SMTP is down");
    mail.sent.push(email);
  },
}));

import { createAnnotation } from "@/lib/annotations/create-annotation";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { addFeedback } from "@/lib/assignments/add-feedback";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { setExtension } from "@/lib/assignments/set-extension";
import { setGradesReleased } from "@/lib/assignments/set-grades-released";
import { utcToZonedTime } from "@/lib/assignments/zoned-time";
import { removeMember } from "@/lib/groups/remove-member";
import { notificationEmailsSettled } from "@/lib/notifications/deliver-notifications";
import { countUnreadNotifications, findNotifications } from "@/lib/notifications/find-notifications";
import { markAllNotificationsRead, openNotification } from "@/lib/notifications/mark-notifications-read";
import {
  getNotificationSettings,
  updateNotificationSettings,
} from "@/lib/notifications/notification-settings";
import { notifyDueSoon } from "@/lib/notifications/notify-due-soon";
import { catchUpNotifications, runNotificationJobs } from "@/lib/notifications/run-notification-jobs";
import { sendNotificationDigests } from "@/lib/notifications/send-notification-emails";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import { createGroupWith, createUser, label, outcome, type TestUser } from "../support/factories";
import { testDatabase } from "../support/test-database";

const HOUR_MS = 60 * 60 * 1000;
const prisma = () => testDatabase().prisma;

let note: TestEdition;
/** Some words of the note's text, where every test's notes go. */
let QUOTE: string;
beforeAll(async () => {
  note = await importedEdition("soviet-note");
  QUOTE = note.text.trim().slice(0, 12);
});
beforeEach(() => {
  mail.enabled = false;
  mail.sent = [];
  mail.fail = false;
});

/** A seminar: an instructor, a teaching assistant and three students with names to mention. */
async function seminar() {
  const key = Math.random().toString(36).slice(2, 8);
  const [teacher, ta, ann, ben, cat] = await Promise.all([
    createUser({ name: `Teacher ${key}` }),
    createUser({ name: `Tess ${key}` }),
    createUser({ name: `Ann Nowak ${key}` }),
    createUser({ name: `Ben ${key}` }),
    createUser({ name: `Cat ${key}` }),
  ]);
  const group = await createGroupWith({ instructor: teacher, tas: [ta], students: [ann, ben, cat] });
  return { teacher, ta, ann, ben, cat, group };
}

async function noteBy(
  user: TestUser,
  groupId: string | null,
  visibility: "group" | "instructors" | "private",
  body = "A note.",
) {
  return createAnnotation(user.actor, annotationInput(note, QUOTE, { groupId, visibility, body }));
}

async function kindsOf(user: TestUser) {
  return (await findNotifications(user.actor)).map((n) => n.kind);
}

async function assignment(
  teacher: TestUser,
  groupId: string,
  opens: number,
  due: number,
  extra: Record<string, string> = {},
) {
  const zone = "Europe/Warsaw";
  return createAssignment(teacher.actor, groupId, {
    title: "Week 5",
    opensAt: utcToZonedTime(new Date(Date.now() + opens), zone),
    dueAt: utcToZonedTime(new Date(Date.now() + due), zone),
    timeZone: zone,
    minAnnotations: "1",
    readings: JSON.stringify([{ source: "soviet-note" }]),
    ...extra,
  });
}

describe("on an assignment anonymous to peers", () => {
  it("names a classmate who replies by their pseudonym, in the app and by email; the staff are named", async () => {
    mail.enabled = true;
    const { teacher, ann, ben, group } = await seminar();
    const { id } = await assignment(teacher, group.id, -HOUR_MS, 48 * HOUR_MS);
    // The form does not offer the option yet: set as it would.
    await prisma().assignment.update({ where: { id }, data: { anonymousToPeers: true } });
    const root = await noteBy(ann, group.id, "group");
    await replyToAnnotation(ben.actor, root.id, { body: bodyFromPlainText("Anonymous answer.") });
    await replyToAnnotation(teacher.actor, root.id, { body: bodyFromPlainText("Named answer.") });
    await notificationEmailsSettled();
    const [fromTeacher, fromBen] = await findNotifications(ann.actor);
    expect(JSON.stringify(fromBen)).not.toContain(ben.name);
    expect(JSON.stringify(fromBen)).not.toContain(ben.id);
    expect(fromBen).toMatchObject({ kind: "REPLY", summary: "Anonymous answer." });
    expect(fromBen!.actorPseudonym).toBeGreaterThan(0);
    expect(fromTeacher).toMatchObject({ actorName: teacher.name });
    const emails = mail.sent.filter((m) => m.to === ann.email && m.text.includes("answer."));
    expect(emails).toHaveLength(2);
    const toAnn = emails.find((m) => m.text.includes("Anonymous answer."))!;
    expect(toAnn.text).not.toContain(ben.name);
    // Ann reads Polish: "Osoba N".
    expect(toAnn.text).toContain(`Osoba ${fromBen!.actorPseudonym}`);
    expect(emails.find((m) => m.text.includes("Named answer."))!.text).toContain(teacher.name);
    // The instructor, who replied in the thread, is told of Ben's next reply by his name.
    await replyToAnnotation(ben.actor, root.id, { body: bodyFromPlainText("Again.") });
    const [toTeacher] = await findNotifications(teacher.actor);
    expect(toTeacher).toMatchObject({ kind: "REPLY", actorName: ben.name });
    await notificationEmailsSettled();
  });
  it("resolves a student's @mention of a classmate there to nobody, of the staff as ever", async () => {
    const { teacher, ann, ben, cat, group } = await seminar();
    const { id } = await assignment(teacher, group.id, -HOUR_MS, 48 * HOUR_MS);
    await prisma().assignment.update({ where: { id }, data: { anonymousToPeers: true } });
    await noteBy(ben, group.id, "group", `Hello @${ann.name} and @${teacher.name}`);
    expect(await kindsOf(ann)).not.toContain("MENTION");
    expect(await kindsOf(teacher)).toContain("MENTION");
    // The staff mention students as ever.
    await noteBy(teacher, group.id, "group", `Over to you, @${cat.name}`);
    expect(await kindsOf(cat)).toContain("MENTION");
  });
});

describe("a reply", () => {
  it("notifies the thread's author and earlier repliers, never the one who replies", async () => {
    const { ann, ben, cat, teacher } = await seminar();
    const group = await createGroupWith({ instructor: teacher, students: [ann, ben, cat] });
    const root = await noteBy(ann, group.id, "group");
    await replyToAnnotation(ben.actor, root.id, { body: bodyFromPlainText("I disagree with this.") });
    expect(await kindsOf(ann)).toEqual(["REPLY"]);
    expect(await kindsOf(ben)).toEqual([]);
    await replyToAnnotation(cat.actor, root.id, { body: bodyFromPlainText("Me too.") });
    expect(await kindsOf(ann)).toEqual(["REPLY", "REPLY"]);
    expect(await kindsOf(ben)).toEqual(["REPLY"]);
    expect(await kindsOf(cat)).toEqual([]);
    expect(await kindsOf(teacher)).toEqual([]);
    const [latest] = await findNotifications(ann.actor);
    expect(latest).toMatchObject({ available: true, actorName: cat.name, summary: "Me too.", read: false });
    expect(await countUnreadNotifications(ann.actor)).toBe(2);
  });

  it("in a thread for the instructors only notifies nobody who may not read it", async () => {
    const { teacher, ta, ann, ben, group } = await seminar();
    const root = await noteBy(ann, group.id, "instructors");
    await replyToAnnotation(ta.actor, root.id, { body: bodyFromPlainText(`@${ben.name} look at this`) });
    expect(await kindsOf(ann)).toEqual(["REPLY"]);
    expect(await kindsOf(ben)).toEqual([]);
    expect(await kindsOf(teacher)).toEqual([]);
  });

  it("to a member who has since been removed from the group notifies them of nothing", async () => {
    const { teacher, ann, ben, group } = await seminar();
    const root = await noteBy(ann, group.id, "group");
    await removeMember(teacher.actor, group.id, ann.id);
    await replyToAnnotation(ben.actor, root.id, { body: bodyFromPlainText("Anyone here?") });
    expect(await kindsOf(ann)).toEqual([]);
  });
});

describe("an @mention", () => {
  it("notifies the group's members named in a shared note, once each, and not the author", async () => {
    const { teacher, ann, ben, cat, group } = await seminar();
    await noteBy(
      ann,
      group.id,
      "group",
      `Compare @${ben.name} and @${teacher.name}, @${ben.name}; @${ann.name}.`,
    );
    expect(await kindsOf(ben)).toEqual(["MENTION"]);
    expect(await kindsOf(teacher)).toEqual(["MENTION"]);
    expect(await kindsOf(ann)).toEqual([]);
    expect(await kindsOf(cat)).toEqual([]);
  });

  it("in a private note, or one for the instructors, reaches nobody who cannot read it", async () => {
    const { teacher, ann, ben, group } = await seminar();
    await noteBy(ann, group.id, "private", `@${ben.name} @${teacher.name}`);
    await noteBy(ann, group.id, "instructors", `@${ben.name} @${teacher.name}`);
    expect(await kindsOf(ben)).toEqual([]);
    expect(await kindsOf(teacher)).toEqual(["MENTION"]);
  });

  it("of someone outside the group notifies nobody", async () => {
    const { ann, group } = await seminar();
    const outsider = await createUser({ name: "Zed Outsider" });
    await noteBy(ann, group.id, "group", "@Zed Outsider what do you think?");
    expect(await kindsOf(outsider)).toEqual([]);
  });
});

describe("reveal after posting", () => {
  it("a student who has not yet posted is not told of a classmate's withheld note, nor its text", async () => {
    const { teacher, ann, ben, cat, group } = await seminar();
    await assignment(teacher, group.id, -HOUR_MS, 72 * HOUR_MS, { revealAfterPosting: "on" });
    // Cat has posted her note, so the assigned reading is open to her; Ben has not.
    await noteBy(cat, group.id, "group");
    await noteBy(ann, group.id, "group", `What do you think, @${ben.name} and @${cat.name}?`);
    expect(await kindsOf(ben)).toEqual(["ASSIGNMENT_OPENED"]);
    expect(await kindsOf(cat)).toEqual(["MENTION", "ASSIGNMENT_OPENED"]);
  });
});

describe("assignments", () => {
  it("an open one tells its students when created; one opening later, when the job runs, once", async () => {
    const { teacher, ta, ann, ben, group } = await seminar();
    await assignment(teacher, group.id, -HOUR_MS, 72 * HOUR_MS);
    expect(await kindsOf(ann)).toEqual(["ASSIGNMENT_OPENED"]);
    expect(await kindsOf(ta)).toEqual([]);
    expect(await kindsOf(teacher)).toEqual([]);
    const later = await assignment(teacher, group.id, 2 * HOUR_MS, 72 * HOUR_MS);
    expect(await kindsOf(ben)).toEqual(["ASSIGNMENT_OPENED"]);
    const inThreeHours = new Date(Date.now() + 3 * HOUR_MS);
    await runNotificationJobs(inThreeHours);
    await runNotificationJobs(inThreeHours);
    const opened = (await findNotifications(ben.actor)).filter((n) => n.kind === "ASSIGNMENT_OPENED");
    expect(opened).toHaveLength(2);
    expect(
      await prisma().notification.count({ where: { assignmentId: later.id, recipientId: ben.id } }),
    ).toBe(1);
  });

  it("due within 24 hours: the students not complete, once, even from two instances at once", async () => {
    const { teacher, ann, ben, cat, group } = await seminar();
    const { id } = await assignment(teacher, group.id, -HOUR_MS, 20 * HOUR_MS);
    // Ann completes it (one annotation in the reading); Cat has until the day after tomorrow.
    await noteBy(ann, group.id, "group");
    await setExtension(teacher.actor, id, {
      userId: cat.id,
      timeZone: "Europe/Warsaw",
      dueAt: utcToZonedTime(new Date(Date.now() + 50 * HOUR_MS), "Europe/Warsaw"),
    });
    await Promise.all([notifyDueSoon(), notifyDueSoon(), runNotificationJobs()]);
    await notifyDueSoon();
    await catchUpNotifications(ben.id);
    const due = await prisma().notification.findMany({ where: { assignmentId: id, kind: "DUE_SOON" } });
    expect(due.map((n) => n.recipientId)).toEqual([ben.id]);
  });

  it("grades released and later feedback reach the student, once; feedback before release waits", async () => {
    const { teacher, ann, ben, group } = await seminar();
    const { id } = await assignment(teacher, group.id, -HOUR_MS, 72 * HOUR_MS);
    await addFeedback(teacher.actor, id, ann.id, { text: "Cite more." });
    expect(await kindsOf(ann)).toEqual(["ASSIGNMENT_OPENED"]);
    await setGradesReleased(teacher.actor, id, true);
    await setGradesReleased(teacher.actor, id, false);
    await setGradesReleased(teacher.actor, id, true);
    expect(await kindsOf(ann)).toEqual(["GRADES_RELEASED", "ASSIGNMENT_OPENED"]);
    await addFeedback(teacher.actor, id, ann.id, { text: "And well done." });
    expect(await kindsOf(ann)).toEqual(["FEEDBACK", "GRADES_RELEASED", "ASSIGNMENT_OPENED"]);
    expect(await kindsOf(ben)).toEqual(["GRADES_RELEASED", "ASSIGNMENT_OPENED"]);
    expect(await kindsOf(teacher)).toEqual([]);
  });

  it("a student removed from the group gets none of its notifications", async () => {
    const { teacher, ann, group } = await seminar();
    await removeMember(teacher.actor, group.id, ann.id);
    const { id } = await assignment(teacher, group.id, -HOUR_MS, 20 * HOUR_MS);
    await runNotificationJobs();
    await setGradesReleased(teacher.actor, id, true);
    expect(await kindsOf(ann)).toEqual([]);
  });
});

describe("the list", () => {
  it("shows a target no longer readable as unavailable, without its text or who wrote it", async () => {
    const { teacher, ann, ben, group } = await seminar();
    const root = await noteBy(ann, group.id, "group");
    const reply = await replyToAnnotation(ben.actor, root.id, { body: bodyFromPlainText("Secret words.") });
    const { id } = await assignment(teacher, group.id, -HOUR_MS, 72 * HOUR_MS);
    expect((await findNotifications(ann.actor)).every((n) => n.available)).toBe(true);
    // The thread goes private (the reply's audience no longer holds anyone else) and Ann is removed.
    await updateAnnotation(ann.actor, root.id, { visibility: "private" });
    await removeMember(teacher.actor, group.id, ann.id);
    const list = await findNotifications(ann.actor);
    expect(list.map((n) => [n.kind, n.available, n.summary, n.actorName])).toEqual([
      ["ASSIGNMENT_OPENED", false, "", ""],
      ["REPLY", false, "", ""],
    ]);
    const replyNotice = await prisma().notification.findFirstOrThrow({
      where: { recipientId: ann.id, annotationId: reply.id },
    });
    expect(await openNotification(ann.actor, replyNotice.id)).toBeNull();
    void id;
  });

  it("opens a notification (marked read), marks all read, and refuses anyone else's", async () => {
    const { ann, ben, group } = await seminar();
    const root = await noteBy(ann, group.id, "group");
    await replyToAnnotation(ben.actor, root.id, { body: bodyFromPlainText("One.") });
    await replyToAnnotation(ben.actor, root.id, { body: bodyFromPlainText("Two.") });
    const [first] = await findNotifications(ann.actor);
    expect(label(await outcome(() => openNotification(ben.actor, first!.id)))).toBe(
      "NOT_FOUND notificationNotFound",
    );
    expect(label(await outcome(() => openNotification(ann.actor, "../../etc\u0000")))).toBe(
      "NOT_FOUND notificationNotFound",
    );
    expect(await openNotification(ann.actor, first!.id)).toMatch(
      new RegExp(`^/sources/soviet-note/\\d+#annotation-${root.id}$`),
    );
    expect(await countUnreadNotifications(ann.actor)).toBe(1);
    await markAllNotificationsRead(ann.actor);
    expect(await countUnreadNotifications(ann.actor)).toBe(0);
    expect(await countUnreadNotifications(null)).toBe(0);
  });
});

describe("settings and email", () => {
  it("are respected: a kind off in the app is not listed, off by email is not sent", async () => {
    mail.enabled = true;
    const { ann, ben, group } = await seminar();
    await updateNotificationSettings(ann.actor, {
      inApp: { REPLY: "", MENTION: "on" },
      email: { REPLY: "on", MENTION: "" },
    });
    const settings = await getNotificationSettings(ann.actor);
    expect(settings.inApp.REPLY).toBe(false);
    expect(settings.email.MENTION).toBe(false);
    expect(settings.email.REPLY).toBe(true);
    const root = await noteBy(ann, group.id, "group");
    await replyToAnnotation(ben.actor, root.id, { body: bodyFromPlainText("By email only.") });
    await noteBy(ben, group.id, "group", `Hello @${ann.name}`);
    await notificationEmailsSettled();
    expect(await kindsOf(ann)).toEqual(["MENTION"]);
    expect(mail.sent.map((m) => m.to)).toEqual([ann.email]);
    expect(mail.sent[0]!.text).toContain("By email only.");
    expect(mail.sent[0]!.text).toMatch(/\/pl\/sources\/soviet-note\/\d+#annotation-/);
  });

  it("bad settings input is refused and nothing is saved", async () => {
    const { ann } = await seminar();
    for (const input of [{ inApp: { REPLY: "yes" } }, { dailyDigest: 1 }, "nope", { email: [] }]) {
      expect(label(await outcome(() => updateNotificationSettings(ann.actor, input)))).toMatch(/^INVALID/);
    }
    expect(await prisma().notificationSettings.count({ where: { userId: ann.id } })).toBe(0);
    expect(label(await outcome(() => updateNotificationSettings(null, {})))).toBe(
      "UNAUTHENTICATED signInRequired",
    );
  });

  it("a failing email never fails the write", async () => {
    mail.enabled = true;
    mail.fail = true;
    const { ann, ben, group } = await seminar();
    const root = await noteBy(ann, group.id, "group");
    const reply = await replyToAnnotation(ben.actor, root.id, { body: bodyFromPlainText("Still saved.") });
    await notificationEmailsSettled();
    expect(reply.id).toBeTruthy();
    expect(await kindsOf(ann)).toEqual(["REPLY"]);
  });

  it("the daily digest gathers a staff member's emails into one a day, whichever instance sends it", async () => {
    mail.enabled = true;
    const { teacher, ann, ben, group } = await seminar();
    await updateNotificationSettings(teacher.actor, {
      inApp: { MENTION: "on", REPLY: "on" },
      email: { MENTION: "on", REPLY: "on" },
      dailyDigest: "on",
    });
    expect((await getNotificationSettings(teacher.actor)).digestOffered).toBe(true);
    expect((await getNotificationSettings(ann.actor)).digestOffered).toBe(false);
    await noteBy(ann, group.id, "group", `@${teacher.name} first`);
    await noteBy(ben, group.id, "group", `@${teacher.name} second`);
    await notificationEmailsSettled();
    expect(mail.sent).toEqual([]);
    const sent = await Promise.all([sendNotificationDigests(), sendNotificationDigests()]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]!.to).toBe(teacher.email);
    expect(mail.sent[0]!.text).toContain("first");
    expect(mail.sent[0]!.text).toContain("second");
    await noteBy(ann, group.id, "group", `@${teacher.name} third`);
    expect(await sendNotificationDigests()).toBe(0);
  });
});
