import "server-only";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { publicUrl } from "@/lib/http/public-url";
import { parseInput } from "@/lib/http/parse-input";
import { messagesFor } from "@/lib/i18n/messages";
import { countPasswordResetRequest } from "./account-request-limits.ts";
import { createPasswordResetToken } from "./password-reset-token.ts";
import { EmailSchema } from "./schema.ts";

/**
 * Emails a password reset link if an account has this address; says nothing either way, so the form
 * cannot be used to find out who has an account. Requests count per client `address` and per email
 * (account-request-limits.ts), whether or not the account exists: past the limit, RATE_LIMITED.
 */
export async function requestPasswordReset(input: unknown, address: string): Promise<void> {
  const email = parseInput(EmailSchema, input);
  await countPasswordResetRequest(email, address);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, locale: true } });
  if (!user) return;
  const locale = user.locale === "en" ? "en" : "pl";
  const token = await createPasswordResetToken(db, user.id);
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "email" });
  // A failure to send is logged, not reported: an error only for addresses that have an account would
  // tell who has one (and be a 500 where the form promises the same answer every time).
  await sendEmail({
    to: email,
    subject: t("resetSubject"),
    text: t("resetBody", {
      name: user.name,
      link: publicUrl(`/${locale}/reset-password?token=${token}`),
    }),
  }).catch((error: unknown) => console.error("Password reset email not sent:", error));
}
