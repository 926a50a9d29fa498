import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

/** Inputs of group actions, shared by forms and the server. Messages are i18n keys under "errors". */
export const GroupRoleSchema = z.enum(["INSTRUCTOR", "TEACHING_ASSISTANT", "STUDENT"], "roleInvalid");

export const GroupInputSchema = z.object({
  name: text().trim().min(1, "groupNameRequired").max(120, "groupNameTooLong"),
  description: text().trim().max(2000, "descriptionTooLong").default(""),
  term: text().trim().max(60, "termTooLong").default(""),
});

export const InviteInputSchema = z.object({
  role: GroupRoleSchema.default("STUDENT"),
  /** Days until the link stops working. */
  expiresInDays: z.coerce
    .number()
    .int("expiryInvalid")
    .min(1, "expiryInvalid")
    .max(90, "expiryInvalid")
    .default(14),
  /** How many people may join through it; empty: no limit. */
  maxUses: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number().int("maxUsesInvalid").min(1, "maxUsesInvalid").max(1000, "maxUsesInvalid").optional(),
  ),
});

export const IdSchema = text()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "idInvalid");
