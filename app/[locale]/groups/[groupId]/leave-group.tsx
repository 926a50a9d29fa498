import { getTranslations } from "next-intl/server";
import type { GroupDetail } from "@/lib/groups/get-group";
import type { Locale } from "@/lib/i18n/routing";
import { ActionForm } from "../../../_components/forms/action-form";
import { SubmitButton } from "../../../_components/forms/submit-button";
import styles from "../../../_components/account-page.module.css";
import formStyles from "../../../_components/forms/forms.module.css";
import { leaveGroupAction } from "./actions";

/**
 * Every member may leave, after confirming. The last instructor is refused with the reason
 * ("lastInstructor") right here.
 */
export async function LeaveGroup({ locale, group }: { locale: Locale; group: GroupDetail }) {
  const t = await getTranslations({ locale, namespace: "group" });
  return (
    <section aria-labelledby="leave-heading" className={styles.section}>
      <h2 id="leave-heading">{t("leaveHeading")}</h2>
      <p className={styles.intro}>{t("leaveIntro")}</p>
      {/* The form around the disclosure: a refusal shows even when the disclosure comes back closed. */}
      <ActionForm action={leaveGroupAction.bind(null, locale, group.id)} className={formStyles.inline}>
        <details className={styles.confirm}>
          <summary>{t("leaveSummary")}</summary>
          <p>{t("leaveConfirmText", { group: group.name })}</p>
          <SubmitButton variant="danger">{t("leaveConfirm", { group: group.name })}</SubmitButton>
        </details>
      </ActionForm>
    </section>
  );
}
