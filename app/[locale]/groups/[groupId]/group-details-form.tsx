import { getTranslations } from "next-intl/server";
import type { GroupDetail } from "@/lib/groups/get-group";
import type { Locale } from "@/lib/i18n/routing";
import { ActionForm } from "../../../_components/forms/action-form";
import { Field } from "../../../_components/forms/field";
import { SubmitButton } from "../../../_components/forms/submit-button";
import styles from "../../../_components/account-page.module.css";
import { updateGroupAction } from "./actions";

/** Instructors: the group's name, description and term. */
export async function GroupDetailsForm({ locale, group }: { locale: Locale; group: GroupDetail }) {
  const t = await getTranslations({ locale, namespace: "group" });
  return (
    <section aria-labelledby="details-heading" className={styles.section}>
      <h2 id="details-heading">{t("detailsHeading")}</h2>
      <ActionForm action={updateGroupAction.bind(null, group.id)} aria-labelledby="details-heading">
        <Field name="name" label={t("name")} required defaultValue={group.name} />
        <Field
          name="description"
          label={t("description")}
          optional
          rows={4}
          defaultValue={group.description}
        />
        <Field name="term" label={t("termField")} optional defaultValue={group.term} />
        <SubmitButton>{t("saveDetails")}</SubmitButton>
      </ActionForm>
    </section>
  );
}
