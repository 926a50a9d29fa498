import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { countSignUp } from "./account-request-limits.ts";
import { hashPassword } from "./password.ts";
import { SignUpSchema } from "./schema.ts";
import { parseInput } from "@/lib/http/parse-input";

/**
 * Creates an account with a password. Throws INVALID (with the field problems) for bad input,
 * RATE_LIMITED past the sign-ups allowed from the client `address`, and CONFLICT when the email is
 * taken. Returns the new user's id.
 */
export async function signUp(input: unknown, locale: "pl" | "en", address: string): Promise<{ id: string }> {
  const { name, email, password } = parseInput(SignUpSchema, input);
  await countSignUp(address);
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({ data: { name, email, passwordHash, locale }, select: { id: true } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "emailTaken", { field: "email" });
    throw error;
  }
}
