import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "./policy.ts";
import { parseInput } from "@/lib/http/parse-input";
import { requireActor } from "@/lib/groups/require-group-permission";
import { ProfileSchema } from "./schema.ts";

/** Changes the actor's name and interface language. */
export async function updateProfile(actor: Actor, input: unknown): Promise<{ locale: "pl" | "en" }> {
  const { userId } = requireActor(actor);
  const data = parseInput(ProfileSchema, input);
  await db.user.update({ where: { id: userId }, data });
  return { locale: data.locale };
}
