import { z } from "zod";

/** Shared by the sign-up form and the server; messages are i18n keys under "auth.errors". */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
export const MAX_NAME_LENGTH = 100;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "emailTooLong")
  .pipe(z.email("emailInvalid"));

export const PasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, "passwordTooShort")
  .max(MAX_PASSWORD_LENGTH, "passwordTooLong");

export const NameSchema = z.string().trim().min(1, "nameRequired").max(MAX_NAME_LENGTH, "nameTooLong");

export const SignUpSchema = z.object({ name: NameSchema, email: EmailSchema, password: PasswordSchema });
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const ProfileSchema = z.object({ name: NameSchema, locale: z.enum(["pl", "en"]) });

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().max(MAX_PASSWORD_LENGTH),
  newPassword: PasswordSchema,
});
