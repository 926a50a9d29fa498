import "server-only";
import { createTranslator } from "next-intl";
import { z } from "zod";
import { db } from "@/lib/db";
import { invitableRoles, type Actor } from "@/lib/auth/policy";
import { EmailSchema } from "@/lib/auth/schema";
import { emailEnabled, sendEmail } from "@/lib/email/send-email";
import { AppError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { publicUrl } from "@/lib/http/public-url";
import { messagesFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import { createInvite } from "./create-invite.ts";
import { requireGroupPermission } from "./require-group-permission.ts";
import { GroupRoleSchema } from "./schema.ts";

const EmailInviteSchema = z.object({ email: EmailSchema, role: GroupRoleSchema.default("STUDENT") });

/** Emails a one-person invite link (one use, 14 days) to the address, in the inviter's language. */
export async function sendInviteEmail(
  actor: Actor,
  groupId: string,
  input: unknown,
  locale: Locale,
): Promise<void> {
  // Who may invite is decided first: a caller who may not is refused as by createInvite, not told
  // how the server is configured.
  const inviterRole = await requireGroupPermission(db, actor, groupId, "group.invite");
  const { email, role } = parseInput(EmailInviteSchema, input);
  if (!invitableRoles(inviterRole).includes(role)) throw new AppError("FORBIDDEN", "notAllowed");
  if (!emailEnabled()) throw new AppError("CONFLICT", "emailDisabled");
  const invite = await createInvite(actor, groupId, { role, maxUses: 1, expiresInDays: 14 });
  const [group, inviter] = await Promise.all([
    db.group.findUniqueOrThrow({ where: { id: groupId }, select: { name: true } }),
    db.user.findUniqueOrThrow({ where: { id: actor!.userId }, select: { name: true } }),
  ]);
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "email" });
  const expires = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Warsaw" }).format(
    invite.expiresAt,
  );
  try {
    await sendEmail({
      to: email,
      subject: t("inviteSubject", { group: group.name }),
      text: t("inviteBody", {
        inviter: inviter.name,
        group: group.name,
        link: publicUrl(`/${locale}/join/${invite.token}`),
        expires,
      }),
    });
  } catch (error) {
    // The link never reached anyone: retire it, and tell the inviter plainly.
    console.error(error);
    await db.invite.update({ where: { id: invite.id }, data: { revokedAt: new Date() } });
    throw new AppError("CONFLICT", "emailSendFailed");
  }
}
