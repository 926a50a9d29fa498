import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { findGroups } from "@/lib/groups/find-groups";
import { isLocale } from "@/lib/i18n/routing";
import { ActionForm } from "../../_components/forms/action-form";
import { Field } from "../../_components/forms/field";
import { FormMessagesProvider } from "../../_components/forms/form-messages-provider";
import { SubmitButton } from "../../_components/forms/submit-button";
import { PageMessage } from "../../_components/page-message";
import { JoinCodeForm } from "../../_components/forms/join-code-form";
import { PageShell } from "../../_components/page-shell";
import { firstParam, messageText } from "../../_lib/message-text";
import { requireUser } from "../../_lib/require-user";
import { resolveLocale } from "../../_lib/resolve-locale";
import styles from "../../_components/account-page.module.css";
import formStyles from "../../_components/forms/forms.module.css";
import { createGroupAction, joinByCodeAction, makeCurrentGroupAction } from "./actions";

interface GroupsPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: GroupsPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("groupsTitle"), robots: { index: false } };
}

/** `/{locale}/groups`: the user's groups, the current one marked; create a group; join by code. */
export default async function GroupsPage({ params, searchParams }: GroupsPageProps) {
  const locale = await resolveLocale(params);
  const user = await requireUser(locale, `/${locale}/groups`);
  const [groups, t, tRoles] = await Promise.all([
    findGroups({ userId: user.id }),
    getTranslations({ locale, namespace: "groups" }),
    getTranslations({ locale, namespace: "roles" }),
  ]);
  const noticeKey = firstParam((await searchParams).notice);
  const notice = noticeKey ? await messageText(locale, "notices", noticeKey) : null;

  return (
    <PageShell locale={locale} path="/groups">
      <h1>{t("title")}</h1>
      <p className={styles.intro}>{t("intro")}</p>
      {notice && <PageMessage kind="notice">{notice}</PageMessage>}
      <FormMessagesProvider>
        {groups.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ul className={styles.groupList} aria-label={t("title")}>
            {groups.map((group) => {
              const current = group.id === user.currentGroupId;
              return (
                <li key={group.id} className={styles.groupItem}>
                  <div>
                    <h2>
                      <Link href={`/${locale}/groups/${group.id}`}>{group.name}</Link>
                      {current && <span className={styles.badge}>{t("current")}</span>}
                    </h2>
                    {group.term && <p>{t("termLine", { term: group.term })}</p>}
                    <p>
                      {t("role", { role: tRoles(group.role) })} · {t("members", { count: group.memberCount })}
                    </p>
                  </div>
                  {!current && (
                    <ActionForm
                      action={makeCurrentGroupAction.bind(null, group.id)}
                      className={formStyles.inline}
                    >
                      <SubmitButton variant="secondary">
                        {t("makeCurrent")}
                        <span className="visually-hidden"> – {group.name}</span>
                      </SubmitButton>
                    </ActionForm>
                  )}
                </li>
              );
            })}
          </ul>
        )}

        <section aria-labelledby="create-heading" className={styles.section}>
          <h2 id="create-heading">{t("createHeading")}</h2>
          <p className={styles.intro}>{t("createIntro")}</p>
          <ActionForm action={createGroupAction.bind(null, locale)} aria-labelledby="create-heading">
            <Field name="name" label={t("name")} required />
            <Field name="description" label={t("description")} optional rows={4} />
            <Field name="term" label={t("term")} hint={t("termHint")} optional />
            <SubmitButton>{t("create")}</SubmitButton>
          </ActionForm>
        </section>

        <section aria-labelledby="join-heading" className={styles.section}>
          <h2 id="join-heading">{t("joinHeading")}</h2>
          <JoinCodeForm
            action={joinByCodeAction.bind(null, locale)}
            label={t("code")}
            hint={t("codeHint")}
            submit={t("join")}
            labelledBy="join-heading"
          />
        </section>
      </FormMessagesProvider>
    </PageShell>
  );
}
