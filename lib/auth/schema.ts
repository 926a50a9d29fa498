import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

/** Shared by the sign-up form and the server; messages are i18n keys under "auth.errors". */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
export const MAX_NAME_LENGTH = 100;

export const EmailSchema = text().trim().toLowerCase().max(254, "emailTooLong").pipe(z.email("emailInvalid"));

export const PasswordSchema = text()
  .min(MIN_PASSWORD_LENGTH, "passwordTooShort")
  .max(MAX_PASSWORD_LENGTH, "passwordTooLong");

export const NameSchema = text().trim().min(1, "nameRequired").max(MAX_NAME_LENGTH, "nameTooLong");

export const SignUpSchema = z.object({ name: NameSchema, email: EmailSchema, password: PasswordSchema });
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: EmailSchema,
  password: text().min(1).max(MAX_PASSWORD_LENGTH),
});

export const ProfileSchema = z.object({ name: NameSchema, locale: z.enum(["pl", "en"]) });

export const ChangePasswordSchema = z.object({
  currentPassword: text().max(MAX_PASSWORD_LENGTH),
  newPassword: PasswordSchema,
});
