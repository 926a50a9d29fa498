import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { int4 } from "@/lib/http/input-schemas";
import { parseInput } from "@/lib/http/parse-input";
import { getTranslatableSource } from "./get-translatable-source.ts";

const number = (error: string) => z.coerce.number({ error }).pipe(int4(error, { min: 1 }));

/** Which translation to remove, as the reader's form names it: its edition's number and its own. */
export const RemoveTranslationSchema = z.object(
  { edition: number("translationNotFound"), number: number("translationNotFound") },
  { error: "formInvalid" },
);

/**
 * Removes translation `number` of edition `edition` of the source `slug`, for whoever may attach
 * one (getTranslatableSource, whose refusals it shares): the reader then shows the newest one left,
 * if any. Only a translation attached in the app can be removed; the sources/ folder's working
 * translation comes back with every import ("translationBuiltIn", FORBIDDEN). A translation the
 * source does not have (already removed, or a tampered form): "translationNotFound", NOT_FOUND.
 * Annotations are on the original's text, so none is touched.
 */
export async function removeTranslation(
  actor: Actor,
  slug: string,
  input: unknown,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<void> {
  const source = await getTranslatableSource(actor, slug, adminEmails);
  const { edition, number: translationNumber } = parseInput(RemoveTranslationSchema, input);
  const translation = await db.translation.findFirst({
    where: { number: translationNumber, edition: { sourceId: source.id, number: edition } },
    select: { id: true, addedInApp: true },
  });
  if (!translation) throw new AppError("NOT_FOUND", "translationNotFound");
  if (!translation.addedInApp) throw new AppError("FORBIDDEN", "translationBuiltIn");
  const { count } = await db.translation.deleteMany({ where: { id: translation.id } });
  if (count === 0) throw new AppError("NOT_FOUND", "translationNotFound");
}
