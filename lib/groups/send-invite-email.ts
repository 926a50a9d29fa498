import "server-only";
import { createTranslator } from "next-intl";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { EmailSchema } from "@/lib/auth/schema";
import { emailEnabled, sendEmail } from "@/lib/email/send-email";
import { AppError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { publicUrl } from "@/lib/http/public-url";
import { messagesFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import { createInvite } from "./create-invite.ts";
import { GroupRoleSchema } from "./schema.ts";

const EmailInviteSchema = z.object({ email: EmailSchema, role: GroupRoleSchema.default("STUDENT") });

/** Emails a one-person invite link (one use, 14 days) to the address, in the inviter's language. */
export async function sendInviteEmail(
  actor: Actor,
  groupId: string,
  input: unknown,
  locale: Locale,
  origin: string,
): Promise<void> {
  if (!emailEnabled()) throw new AppError("CONFLICT", "emailDisabled");
  const { email, role } = parseInput(EmailInviteSchema, input);
  const invite = await createInvite(actor, groupId, { role, maxUses: 1, expiresInDays: 14 });
  const [group, inviter] = await Promise.all([
    db.group.findUniqueOrThrow({ where: { id: groupId }, select: { name: true } }),
    db.user.findUniqueOrThrow({ where: { id: actor!.userId }, select: { name: true } }),
  ]);
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "email" });
  const expires = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Warsaw" }).format(
    invite.expiresAt,
  );
  await sendEmail({
    to: email,
    subject: t("inviteSubject", { group: group.name }),
    text: t("inviteBody", {
      inviter: inviter.name,
      group: group.name,
      link: publicUrl(`/${locale}/join/${invite.token}`, origin),
      expires,
    }),
  });
}
