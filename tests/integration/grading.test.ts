/**
 * Grading an assignment: the rubric and its bad inputs, scores given by staff (never computed),
 * release and its taking back, private feedback and who reads it (the student, another student, the
 * staff, a former member), the student's page of work and the heat map, and the CSV with scores.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { addFeedback } from "@/lib/assignments/add-feedback";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { deleteFeedback } from "@/lib/assignments/delete-feedback";
import { exportProgress } from "@/lib/assignments/export-progress";
import { findMyAssignments } from "@/lib/assignments/find-my-assignments";
import { getGradeSheet } from "@/lib/assignments/get-grade-sheet";
import { getReadingHeatMap } from "@/lib/assignments/get-reading-heat-map";
import { getStudentWork } from "@/lib/assignments/get-student-work";
import { scoreStudent } from "@/lib/assignments/score-student";
import { setGradesReleased } from "@/lib/assignments/set-grades-released";
import { setRubric } from "@/lib/assignments/set-rubric";
import { utcToZonedTime } from "@/lib/assignments/zoned-time";
import { removeMember } from "@/lib/groups/remove-member";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import { createGroupWith, createUser, label, outcome, type TestUser } from "../support/factories";
import { testDatabase } from "../support/test-database";

const HOUR_MS = 60 * 60 * 1000;
const prisma = () => testDatabase().prisma;

let note: TestEdition;
beforeAll(async () => {
  note = await importedEdition("soviet-note");
});

async function sentence(n: number): Promise<{ text: string; start: number; end: number }> {
  const passage = await prisma().passage.findFirstOrThrow({
    where: { number: n, edition: { number: note.number, source: { slug: note.slug } } },
  });
  return { text: note.text.slice(passage.start, passage.end).trim(), ...passage };
}

/** A seminar with an assignment on sentences 2–3 of the Soviet note, open since an hour ago. */
async function gradedSeminar() {
  const [teacher, ta, ann, ben] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  const group = await createGroupWith({ instructor: teacher, tas: [ta], students: [ann, ben] });
  const zone = "Europe/Warsaw";
  const { id } = await createAssignment(teacher.actor, group.id, {
    title: "Week 4",
    opensAt: utcToZonedTime(new Date(Date.now() - HOUR_MS), zone),
    dueAt: utcToZonedTime(new Date(Date.now() + 48 * HOUR_MS), zone),
    timeZone: zone,
    minAnnotations: "1",
    readings: JSON.stringify([{ source: "soviet-note", firstSentence: 2, lastSentence: 3 }]),
  });
  return { teacher, ta, ann, ben, group, id };
}

const RUBRIC = {
  criteria: [
    { title: "Engages the text", description: "Reads closely.", maxPoints: "5" },
    { title: "Responds to peers", description: "", maxPoints: "3" },
  ],
};

async function criteriaOf(id: string) {
  return prisma().rubricCriterion.findMany({ where: { assignmentId: id }, orderBy: { position: "asc" } });
}

async function post(
  user: TestUser,
  groupId: string,
  quote: string,
  kind: "comment" | "question" = "comment",
) {
  return createAnnotation(
    user.actor,
    annotationInput(note, quote, { groupId, visibility: "group", kind, body: "Three words here." }),
  );
}

describe("the rubric", () => {
  it("is saved in order by staff and refused, with nothing saved, when it is bad", async () => {
    const { teacher, ta, ann, id } = await gradedSeminar();
    await setRubric(ta.actor, id, RUBRIC);
    expect((await criteriaOf(id)).map((c) => [c.title, c.maxPoints])).toEqual([
      ["Engages the text", 5],
      ["Responds to peers", 3],
    ]);
    const bad: [unknown, string][] = [
      [{ criteria: [] }, "INVALID rubricEmpty"],
      [{}, "INVALID rubricEmpty"],
      [{ criteria: [{ title: "A", maxPoints: "-2" }] }, "INVALID pointsOutOfRange"],
      [{ criteria: [{ title: "A", maxPoints: "2.5" }] }, "INVALID pointsInvalid"],
      [{ criteria: [{ title: "A", maxPoints: "1e12" }] }, "INVALID pointsOutOfRange"],
      [{ criteria: [{ title: "A", maxPoints: "0" }] }, "INVALID pointsOutOfRange"],
      [{ criteria: [{ title: "A", maxPoints: "ten" }] }, "INVALID pointsInvalid"],
      [{ criteria: [{ title: " ", maxPoints: "2" }] }, "INVALID criterionTitleRequired"],
      [{ criteria: [{ id: "not-a-criterion", title: "A", maxPoints: "2" }] }, "INVALID criterionInvalid"],
    ];
    for (const [input, expected] of bad) {
      expect(label(await outcome(() => setRubric(teacher.actor, id, input)))).toBe(expected);
    }
    expect(label(await outcome(() => setRubric(ann.actor, id, RUBRIC)))).toBe("FORBIDDEN notAllowed");
    expect(await criteriaOf(id)).toHaveLength(2);
  });

  it("keeps the scores of a criterion sent back with its id, and drops those of one left out", async () => {
    const { teacher, ann, id } = await gradedSeminar();
    await setRubric(teacher.actor, id, RUBRIC);
    const [engages, responds] = await criteriaOf(id);
    await scoreStudent(teacher.actor, id, ann.id, {
      scores: [
        { criterionId: engages!.id, points: "4" },
        { criterionId: responds!.id, points: "2" },
      ],
    });
    expect(
      label(
        await outcome(() =>
          setRubric(teacher.actor, id, { criteria: [{ id: engages!.id, title: "Engages", maxPoints: "3" }] }),
        ),
      ),
    ).toBe("INVALID maxBelowScores");
    await setRubric(teacher.actor, id, {
      criteria: [
        { title: "Uses evidence", maxPoints: "2" },
        { id: engages!.id, title: "Engages", maxPoints: "4" },
      ],
    });
    const sheet = (await getGradeSheet(teacher.actor, id, ann.id))!;
    expect(sheet.criteria.map((c) => [c.title, c.score?.points ?? null])).toEqual([
      ["Uses evidence", null],
      ["Engages", 4],
    ]);
    expect([sheet.total, sheet.maxTotal]).toEqual([4, 6]);
  });
});

describe("scores", () => {
  it("are given by staff within each criterion's range, to the group's students only", async () => {
    const { teacher, ta, ann, ben, id } = await gradedSeminar();
    await setRubric(teacher.actor, id, RUBRIC);
    const [engages, responds] = await criteriaOf(id);
    const outsider = await createUser();
    await createGroupWith({ instructor: await createUser(), students: [outsider] });
    const one = (points: string, criterionId = engages!.id) => ({ scores: [{ criterionId, points }] });
    const refused: [() => Promise<unknown>, string][] = [
      [() => scoreStudent(teacher.actor, id, ann.id, one("6")), "INVALID scoreAboveMax"],
      [() => scoreStudent(teacher.actor, id, ann.id, one("-1")), "INVALID scoreNegative"],
      [() => scoreStudent(teacher.actor, id, ann.id, one("2.5")), "INVALID scoreInvalid"],
      [() => scoreStudent(teacher.actor, id, ann.id, one("99999999999")), "INVALID scoreAboveMax"],
      [() => scoreStudent(teacher.actor, id, ann.id, one("1", "nope")), "INVALID criterionInvalid"],
      [() => scoreStudent(teacher.actor, id, outsider.id, one("1")), "INVALID studentInvalid"],
      [() => scoreStudent(teacher.actor, id, ta.id, one("1")), "INVALID studentInvalid"],
      [() => scoreStudent(ben.actor, id, ann.id, one("1")), "FORBIDDEN notAllowed"],
      [() => scoreStudent(ann.actor, id, ann.id, one("5")), "FORBIDDEN notAllowed"],
      [() => scoreStudent(outsider.actor, id, ann.id, one("1")), "NOT_FOUND assignmentNotFound"],
    ];
    for (const [call, expected] of refused) expect(label(await outcome(call))).toBe(expected);
    expect(await prisma().rubricScore.count({ where: { assignmentId: id } })).toBe(0);

    await scoreStudent(ta.actor, id, ann.id, {
      scores: [
        { criterionId: engages!.id, points: "5", comment: "Close reading of the second sentence." },
        { criterionId: responds!.id, points: "0" },
      ],
    });
    // A score above the maximum in one criterion refuses them all.
    expect(
      label(
        await outcome(() =>
          scoreStudent(teacher.actor, id, ann.id, {
            scores: [
              { criterionId: engages!.id, points: "1" },
              { criterionId: responds!.id, points: "4" },
            ],
          }),
        ),
      ),
    ).toBe("INVALID scoreAboveMax");
    const sheet = (await getGradeSheet(teacher.actor, id, ann.id))!;
    expect(sheet.criteria.map((c) => c.score)).toEqual([
      { points: 5, comment: "Close reading of the second sentence." },
      { points: 0, comment: "" },
    ]);
    // Empty points take a score back.
    await scoreStudent(teacher.actor, id, ann.id, { scores: [{ criterionId: responds!.id, points: "" }] });
    expect((await getGradeSheet(teacher.actor, id, ann.id))!.criteria[1]!.score).toBeNull();
  });
});

describe("release", () => {
  it("shows a student their own grade and feedback only while released, never another's", async () => {
    const { teacher, ann, ben, id } = await gradedSeminar();
    await setRubric(teacher.actor, id, RUBRIC);
    const [engages] = await criteriaOf(id);
    await scoreStudent(teacher.actor, id, ann.id, { scores: [{ criterionId: engages!.id, points: "3" }] });
    await addFeedback(teacher.actor, id, ann.id, { text: "Good questions; cite more." });

    expect(await getGradeSheet(ann.actor, id, ann.id)).toBeNull();
    expect((await findMyAssignments(ann.actor)).find((a) => a.id === id)!.grades).toBeNull();
    expect(label(await outcome(() => setGradesReleased(ann.actor, id, true)))).toBe("FORBIDDEN notAllowed");

    await setGradesReleased(teacher.actor, id, true);
    const mine = (await findMyAssignments(ann.actor)).find((a) => a.id === id)!.grades!;
    expect(mine.criteria.map((c) => [c.title, c.score?.points ?? null])).toEqual([
      ["Engages the text", 3],
      ["Responds to peers", null],
    ]);
    expect(mine.feedback.map((f) => f.bodyHtml)).toEqual(["<p>Good questions; cite more.</p>"]);
    // Ben sees the rubric beside his own (empty) scores, nothing of Ann's.
    const bens = (await getGradeSheet(ben.actor, id, ben.id))!;
    expect(bens.criteria.every((c) => c.score === null)).toBe(true);
    expect(bens.feedback).toEqual([]);
    expect(label(await outcome(() => getGradeSheet(ben.actor, id, ann.id)))).toBe("FORBIDDEN notAllowed");

    await setGradesReleased(teacher.actor, id, false);
    expect(await getGradeSheet(ann.actor, id, ann.id)).toBeNull();
  });
});

describe("private feedback", () => {
  it("on a note reaches that student and the staff only, never the annotation lists", async () => {
    const { teacher, ta, ann, ben, group, id } = await gradedSeminar();
    const s2 = await sentence(2);
    const root = await post(ann, group.id, s2.text.slice(0, 15), "question");
    const reply = await replyToAnnotation(ben.actor, root.id, { body: bodyFromPlainText("An answer.") });
    await addFeedback(ta.actor, id, ann.id, {
      annotationId: root.id,
      body: bodyFromPlainText("A sharp question."),
    });
    // Not on another student's work, not without text, not on a note of another group.
    expect(
      label(
        await outcome(() => addFeedback(teacher.actor, id, ann.id, { annotationId: reply.id, text: "x" })),
      ),
    ).toBe("INVALID annotationInvalid");
    expect(label(await outcome(() => addFeedback(teacher.actor, id, ann.id, { text: "  " })))).toBe(
      "INVALID feedbackRequired",
    );
    expect(label(await outcome(() => addFeedback(ann.actor, id, ann.id, { text: "Me!" })))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(await prisma().assignmentFeedback.count({ where: { assignmentId: id } })).toBe(1);

    await setGradesReleased(teacher.actor, id, true);
    const forAnn = (await getGradeSheet(ann.actor, id, ann.id))!.feedback;
    expect(forAnn.map((f) => [f.annotationId, f.quote, f.bodyHtml])).toEqual([
      [root.id, s2.text.slice(0, 15), "<p>A sharp question.</p>"],
    ]);
    expect((await getGradeSheet(ben.actor, id, ben.id))?.feedback ?? []).toEqual([]);
    expect((await getGradeSheet(teacher.actor, id, ann.id))!.feedback).toHaveLength(1);
    // The annotation itself carries nothing of it.
    const stored = await prisma().annotation.count({ where: { parentId: root.id } });
    expect(stored).toBe(1);

    // A member of staff who leaves reads nothing more; nor does a student who left.
    await removeMember(teacher.actor, group.id, ta.id);
    expect(label(await outcome(() => getGradeSheet(ta.actor, id, ann.id)))).toBe(
      "NOT_FOUND assignmentNotFound",
    );
    await removeMember(teacher.actor, group.id, ann.id);
    expect(label(await outcome(() => getGradeSheet(ann.actor, id, ann.id)))).toBe(
      "NOT_FOUND assignmentNotFound",
    );
    expect(label(await outcome(() => deleteFeedback(ben.actor, forAnn[0]!.id)))).toBe(
      "NOT_FOUND feedbackNotFound",
    );
    await deleteFeedback(teacher.actor, forAnn[0]!.id);
    expect(await prisma().assignmentFeedback.count({ where: { assignmentId: id } })).toBe(0);
  });
});

describe("the student's page and the heat map", () => {
  it("gives the student's threads whole, with sentences, and counts notes and questions per sentence", async () => {
    const { teacher, ann, ben, group, id } = await gradedSeminar();
    const [s2, s3] = [await sentence(2), await sentence(3)];
    const bens = await post(ben, group.id, s3.text.slice(0, 20), "question");
    await replyToAnnotation(ann.actor, bens.id, { body: bodyFromPlainText("My answer.") });
    await post(ann, group.id, s2.text.slice(0, 10));
    await createAnnotation(
      ann.actor,
      annotationInput(note, s2.text.slice(0, 8), { groupId: group.id, visibility: "private" }),
    );

    const work = await getStudentWork(teacher.actor, id, ann.id);
    expect(work.threads.map((t) => [t.sentences, t.root.kind, t.root.studentWork, t.replies.length])).toEqual(
      [
        [{ first: 2, last: 2 }, "COMMENT", true, 0],
        [{ first: 3, last: 3 }, "QUESTION", false, 1],
      ],
    );
    expect(work.threads[1]!.replies[0]!.studentWork).toBe(true);
    expect(label(await outcome(() => getStudentWork(ann.actor, id, ann.id)))).toBe("FORBIDDEN notAllowed");
    expect(label(await outcome(() => getStudentWork(teacher.actor, id, teacher.id)))).toBe(
      "NOT_FOUND studentNotFound",
    );

    const [reading] = await getReadingHeatMap(teacher.actor, id);
    expect(reading!.sentences).toEqual([
      { number: 2, notes: 1, questions: 0 },
      { number: 3, notes: 0, questions: 1 },
    ]);
    expect(label(await outcome(() => getReadingHeatMap(ben.actor, id)))).toBe("FORBIDDEN notAllowed");
  });
});

describe("the CSV", () => {
  it("has one column per criterion and the total, empty where not scored", async () => {
    const { teacher, ann, ben, id } = await gradedSeminar();
    await setRubric(teacher.actor, id, RUBRIC);
    const [engages, responds] = await criteriaOf(id);
    await prisma().user.update({ where: { id: ann.id }, data: { name: "Anna Żółkiewska" } });
    await prisma().user.update({ where: { id: ben.id }, data: { name: "Bartosz Łęcki" } });
    await scoreStudent(teacher.actor, id, ann.id, {
      scores: [
        { criterionId: engages!.id, points: "4" },
        { criterionId: responds!.id, points: "3" },
      ],
    });
    const lines = (await exportProgress(teacher.actor, id, "pl")).csv.split("\r\n");
    expect(lines[0]!.endsWith(",Engages the text,Responds to peers,Suma")).toBe(true);
    expect(lines.find((l) => l.startsWith("Anna Żółkiewska,"))!.endsWith(",4,3,7")).toBe(true);
    expect(lines.find((l) => l.startsWith("Bartosz Łęcki,"))!.endsWith(",,,")).toBe(true);
    expect(label(await outcome(() => exportProgress(ann.actor, id, "pl")))).toBe("FORBIDDEN notAllowed");
  });
});
