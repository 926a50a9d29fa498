import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { hashPassword } from "./password.ts";
import { SignUpSchema } from "./schema.ts";
import { parseInput } from "@/lib/http/parse-input";

/**
 * Creates an account with a password. Throws INVALID (with the field problems) for bad input and
 * CONFLICT when the email is taken. Returns the new user's id.
 */
export async function signUp(input: unknown, locale: "pl" | "en"): Promise<{ id: string }> {
  const { name, email, password } = parseInput(SignUpSchema, input);
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({ data: { name, email, passwordHash, locale }, select: { id: true } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "emailTaken", { field: "email" });
    throw error;
  }
}
