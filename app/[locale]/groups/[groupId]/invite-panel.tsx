import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { canInGroup, invitableRoles } from "@/lib/auth/policy";
import { emailEnabled } from "@/lib/email/send-email";
import { findInvites } from "@/lib/groups/find-invites";
import type { GroupDetail } from "@/lib/groups/get-group";
import type { Locale } from "@/lib/i18n/routing";
import { getActor } from "@/lib/auth/get-current-user";
import { ActionForm } from "../../../_components/forms/action-form";
import { Field } from "../../../_components/forms/field";
import { SubmitButton } from "../../../_components/forms/submit-button";
import styles from "../../../_components/account-page.module.css";
import formStyles from "../../../_components/forms/forms.module.css";
import {
  createInviteAction,
  regenerateJoinCodeAction,
  revokeInviteAction,
  sendInviteEmailAction,
} from "./actions";
import { InviteLinkResult } from "./invite-link-result";

/** Days an invite link works unless the inviter says otherwise (lib/groups/schema.ts's default). */
const DEFAULT_EXPIRY_DAYS = 14;

/**
 * Instructors and teaching assistants: the join code, new invite links (the link shown once), the
 * links made so far with their status, and (with SMTP) invitations by email. Teaching assistants
 * invite students only; instructors also make a new join code.
 */
export async function InvitePanel({ locale, group }: { locale: Locale; group: GroupDetail }) {
  const [{ joinCode, invites }, t, tRoles, tStatus, format] = await Promise.all([
    findInvites(await getActor(), group.id),
    getTranslations({ locale, namespace: "group" }),
    getTranslations({ locale, namespace: "roles" }),
    getTranslations({ locale, namespace: "inviteStatus" }),
    getFormatter({ locale }),
  ]);
  const roleOptions = invitableRoles(group.myRole).map((role) => ({ value: role, label: tRoles(role) }));
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });

  return (
    <section aria-labelledby="invite-heading" className={styles.section}>
      <h2 id="invite-heading">{t("inviteHeading")}</h2>

      <h3 id="join-code-heading">{t("joinCodeHeading")}</h3>
      <p className={styles.ui}>
        {t.rich("joinCodeText", {
          page: (chunks) => <Link href={`/${locale}/join`}>{chunks}</Link>,
        })}
      </p>
      <p>
        <span className={styles.code}>{joinCode}</span>
      </p>
      {canInGroup(group.myRole, "group.manageInvites") && (
        <ActionForm
          action={regenerateJoinCodeAction.bind(null, group.id)}
          aria-labelledby="join-code-heading"
        >
          <p className={styles.intro}>{t("regenerateHint")}</p>
          <SubmitButton variant="secondary">{t("regenerate")}</SubmitButton>
        </ActionForm>
      )}

      <h3 id="new-link-heading">{t("createLinkHeading")}</h3>
      <ActionForm action={createInviteAction.bind(null, locale, group.id)} aria-labelledby="new-link-heading">
        <Field name="role" label={t("linkRole")} options={roleOptions} defaultValue="STUDENT" />
        <Field
          name="expiresInDays"
          type="number"
          label={t("expiresInDays")}
          hint={t("expiresHint")}
          inputMode="numeric"
          min={1}
          max={90}
          defaultValue={DEFAULT_EXPIRY_DAYS}
          required
        />
        <Field
          name="maxUses"
          type="number"
          label={t("maxUses")}
          hint={t("maxUsesHint")}
          inputMode="numeric"
          min={1}
          max={1000}
          optional
        />
        <SubmitButton>{t("createLink")}</SubmitButton>
        <InviteLinkResult label={t("newLink")} note={t("newLinkNote")} />
      </ActionForm>

      <h3 id="links-heading">{t("linkHeading")}</h3>
      {invites.length === 0 ? (
        <p className={styles.ui}>{t("noLinks")}</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table} aria-labelledby="links-heading">
            <thead>
              <tr>
                <th scope="col">{t("linkRole")}</th>
                <th scope="col">{t("colStatus")}</th>
                <th scope="col">{t("colExpires")}</th>
                <th scope="col">{t("colUses")}</th>
                <th scope="col">{t("colCreatedBy")}</th>
                <th scope="col">{t("colActions")}</th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => (
                <tr key={invite.id}>
                  <td>{tRoles(invite.role)}</td>
                  <td>{tStatus(invite.status)}</td>
                  <td>{date(invite.expiresAt)}</td>
                  <td>
                    {invite.maxUses === null
                      ? t("usesUnlimited", { uses: invite.uses })
                      : t("usesOf", { uses: invite.uses, max: invite.maxUses })}
                  </td>
                  <td>{invite.createdBy}</td>
                  <td>
                    {invite.status === "active" && (
                      <ActionForm
                        action={revokeInviteAction.bind(null, group.id, invite.id)}
                        className={formStyles.inline}
                      >
                        <SubmitButton variant="danger">
                          {t("revoke")}
                          <span className="visually-hidden">
                            {" "}
                            {t("revokeOf", {
                              role: tRoles(invite.role),
                              name: invite.createdBy,
                              date: date(invite.expiresAt),
                            })}
                          </span>
                        </SubmitButton>
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {emailEnabled() && (
        <>
          <h3 id="email-invite-heading">{t("emailHeading")}</h3>
          <p className={styles.intro}>{t("emailIntro")}</p>
          <ActionForm
            action={sendInviteEmailAction.bind(null, locale, group.id)}
            resetOnSuccess
            aria-labelledby="email-invite-heading"
          >
            <Field name="email" type="email" label={t("email")} autoComplete="off" required />
            <Field name="role" label={t("emailRole")} options={roleOptions} defaultValue="STUDENT" />
            <SubmitButton>{t("sendInvite")}</SubmitButton>
          </ActionForm>
        </>
      )}
    </section>
  );
}
