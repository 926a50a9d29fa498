import { getFormatter, getTranslations } from "next-intl/server";
import { canInGroup } from "@/lib/auth/policy";
import type { GroupDetail } from "@/lib/groups/get-group";
import { isLastInstructor } from "@/lib/groups/is-last-instructor";
import type { Locale } from "@/lib/i18n/routing";
import { ActionForm } from "../../../_components/forms/action-form";
import { Field } from "../../../_components/forms/field";
import { SubmitButton } from "../../../_components/forms/submit-button";
import styles from "../../../_components/account-page.module.css";
import formStyles from "../../../_components/forms/forms.module.css";
import { changeRoleAction, removeMemberAction } from "./actions";

const ROLES = ["INSTRUCTOR", "TEACHING_ASSISTANT", "STUDENT"] as const;

interface MembersTableProps {
  locale: Locale;
  group: GroupDetail;
  userId: string;
}

/**
 * The members with their roles. For instructors each row has a role picker (except the group's only
 * instructor's, whose change would be refused) and, for others, a "Remove" that asks first (a
 * disclosure, so it works without JavaScript).
 */
export async function MembersTable({ locale, group, userId }: MembersTableProps) {
  const [t, tRoles, format] = await Promise.all([
    getTranslations({ locale, namespace: "group" }),
    getTranslations({ locale, namespace: "roles" }),
    getFormatter({ locale }),
  ]);
  const mayChangeRoles = canInGroup(group.myRole, "group.changeRole");
  const mayRemove = canInGroup(group.myRole, "group.removeMember");
  const roleOptions = ROLES.map((role) => ({ value: role, label: tRoles(role) }));

  return (
    <section aria-labelledby="members-heading" className={styles.section}>
      <h2 id="members-heading">
        {t("membersHeading")}{" "}
        <span className={styles.muted}>({t("membersCount", { count: group.members.length })})</span>
      </h2>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">{t("membersCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colName")}</th>
              <th scope="col">{t("colRole")}</th>
              <th scope="col">{t("colJoined")}</th>
              {mayRemove && <th scope="col">{t("colActions")}</th>}
            </tr>
          </thead>
          <tbody>
            {group.members.map((member) => {
              const self = member.userId === userId;
              const fixedRole = isLastInstructor(group.members, member.userId);
              return (
                <tr key={member.userId}>
                  <th scope="row">
                    {member.name}
                    {self && <span className={styles.muted}> ({t("you")})</span>}
                  </th>
                  <td>
                    {mayChangeRoles && !fixedRole ? (
                      <ActionForm
                        action={changeRoleAction.bind(null, group.id, member.userId)}
                        className={formStyles.inline}
                      >
                        <Field
                          name="role"
                          label={t("roleOf", { name: member.name })}
                          hideLabel
                          defaultValue={member.role}
                          options={roleOptions}
                        />
                        <SubmitButton variant="secondary">
                          {t("saveRole")}
                          <span className="visually-hidden"> {t("saveRoleOf", { name: member.name })}</span>
                        </SubmitButton>
                      </ActionForm>
                    ) : (
                      <>
                        {tRoles(member.role)}
                        {mayChangeRoles && <span className={styles.muted}> ({t("onlyInstructor")})</span>}
                      </>
                    )}
                  </td>
                  <td>{format.dateTime(new Date(member.joinedAt), { dateStyle: "medium" })}</td>
                  {mayRemove && (
                    <td>
                      {!self && (
                        <ActionForm
                          action={removeMemberAction.bind(null, locale, group.id, member.userId)}
                          className={formStyles.inline}
                        >
                          <details className={styles.confirm}>
                            <summary>
                              {t("remove")}
                              <span className="visually-hidden"> {t("removeOf", { name: member.name })}</span>
                            </summary>
                            <p>{t("removeConfirmText", { name: member.name })}</p>
                            <SubmitButton variant="danger">
                              {t("removeConfirm", { name: member.name })}
                            </SubmitButton>
                          </details>
                        </ActionForm>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
