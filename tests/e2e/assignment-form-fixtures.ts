/** Steps of the assignment journeys that fill the assignment form, shared by their specs. */
import type { Page } from "@playwright/test";
import type { Visitor } from "./account-fixtures";
import { createSeminar } from "./annotation-fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A datetime-local value in UTC, `days` from now. */
export function localTime(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 16);
}

/**
 * Fills a new assignment's form (open at /en/groups/{id}/assignments/new): `title`, sentences 1–2 of
 * the Soviet note as its reading, opened a day ago and due in a week, in UTC.
 */
export async function fillAssignmentOnTheNote(page: Page, title: string) {
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Reading 1: source").selectOption({ label: "The Soviet Note of 17 September 1939" });
  await page.getByLabel("Reading 1: first sentence").fill("1");
  await page.getByLabel("Reading 1: last sentence").fill("2");
  await page.getByLabel("Opens").fill(localTime(-1));
  await page.getByLabel("Due").fill(localTime(7));
  await page.getByLabel(/^Time zone/).fill("UTC");
}

/**
 * A seminar with students Ala Pierwsza and Bartek Drugi whose instructor has the new assignment
 * form open and filled (fillAssignmentOnTheNote) with `title`, options left to the journey.
 */
export async function assignmentFormForAlaAndBartek(newVisitor: () => Promise<Visitor>, title: string) {
  const seminar = await createSeminar(newVisitor, { students: ["Ala Pierwsza", "Bartek Drugi"] });
  const [ala, bartek] = seminar.students as [(typeof seminar.students)[0], (typeof seminar.students)[0]];
  const { page } = seminar.instructor;
  await page.goto(`/en/groups/${seminar.groupId}/assignments/new`);
  await fillAssignmentOnTheNote(page, title);
  return { seminar, ala, bartek, page };
}
