import { getTranslations } from "next-intl/server";
import type { AccessTokenView } from "@/lib/auth/find-access-tokens";
import type { Locale } from "@/lib/i18n/routing";
import { ActionForm } from "../../_components/forms/action-form";
import { Field } from "../../_components/forms/field";
import { SubmitButton } from "../../_components/forms/submit-button";
import styles from "../../_components/account-page.module.css";
import formStyles from "../../_components/forms/forms.module.css";
import { InviteLinkResult } from "../groups/[groupId]/invite-link-result";
import { createAccessTokenAction, revokeAccessTokenAction } from "./actions";

/**
 * The account page's personal access tokens: a form that makes one (shown once, with a copy
 * button), and the list of the user's tokens with their scope, dates and a Revoke button.
 */
export async function AccessTokensSection({ locale, tokens }: { locale: Locale; tokens: AccessTokenView[] }) {
  const t = await getTranslations({ locale, namespace: "account" });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <section aria-labelledby="tokens-heading" className={styles.section}>
      <h2 id="tokens-heading">{t("tokensHeading")}</h2>
      <p className={styles.intro}>{t("tokensIntro")}</p>
      <ActionForm
        action={createAccessTokenAction.bind(null, locale)}
        resetOnSuccess
        aria-labelledby="tokens-heading"
      >
        <Field name="name" label={t("tokenName")} hint={t("tokenNameHint")} required autoComplete="off" />
        <Field
          name="scope"
          label={t("tokenScope")}
          defaultValue="read"
          options={[
            { value: "read", label: t("scopeRead") },
            { value: "read-write", label: t("scopeReadWrite") },
          ]}
        />
        <SubmitButton>{t("createToken")}</SubmitButton>
        <InviteLinkResult label={t("newTokenHeading")} note={t("newTokenIntro")} copyLabel={t("copyToken")} />
      </ActionForm>
      <h3>{t("tokenList")}</h3>
      {tokens.length === 0 ? (
        <p className={styles.intro}>{t("noTokens")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("tokenName")}</th>
              <th scope="col">{t("tokenScopeColumn")}</th>
              <th scope="col">{t("tokenCreatedColumn")}</th>
              <th scope="col">{t("tokenLastUsedColumn")}</th>
              <th scope="col">{t("tokenStatusColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>{token.scope === "read" ? t("scopeRead") : t("scopeReadWrite")}</td>
                <td>{date.format(token.createdAt)}</td>
                <td>{token.lastUsedAt ? date.format(token.lastUsedAt) : t("neverUsed")}</td>
                <td>
                  {token.revokedAt ? (
                    t("tokenRevoked")
                  ) : (
                    <ActionForm
                      action={revokeAccessTokenAction.bind(null, token.id)}
                      className={formStyles.inline}
                    >
                      <SubmitButton variant="danger">
                        {t("revokeToken")}
                        <span className="visually-hidden"> {token.name}</span>
                      </SubmitButton>
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
