import { z } from "zod";

/** The kinds of notification, in the order the settings list them. */
export const NOTIFICATION_KINDS = [
  "REPLY",
  "MENTION",
  "ASSIGNMENT_OPENED",
  "DUE_SOON",
  "FEEDBACK",
  "GRADES_RELEASED",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds that point to an annotation or reply. */
export const ANNOTATION_KINDS: readonly NotificationKind[] = ["REPLY", "MENTION"];
/** Kinds that point to an assignment the recipient reads as a member. */
export const ASSIGNMENT_KINDS: readonly NotificationKind[] = ["ASSIGNMENT_OPENED", "DUE_SOON"];
/** Kinds that point to an assignment's released grades and feedback. */
export const GRADE_KINDS: readonly NotificationKind[] = ["FEEDBACK", "GRADES_RELEASED"];

/**
 * The settings form: for each kind a checkbox `inApp.KIND` and `email.KIND` (present: on), and
 * `dailyDigest`. Anything else in the form is ignored; an unknown value is refused.
 */
const Checkbox = z.enum(["on", ""]).optional();
export const NotificationSettingsSchema = z.object({
  inApp: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, Checkbox]))).default({}),
  email: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, Checkbox]))).default({}),
  dailyDigest: Checkbox,
});

export type NotificationSettingsInput = z.input<typeof NotificationSettingsSchema>;
