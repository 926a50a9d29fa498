import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-current-user";
import { isAppError } from "@/lib/http/errors";
import { isLocale } from "@/lib/i18n/routing";
import { findReviewItems, type ReviewList } from "@/lib/revisions/find-review-items";
import pageStyles from "../../../../../../_components/account-page.module.css";
import { PageShell } from "../../../../../../_components/page-shell";
import { FormMessagesProvider } from "../../../../../../_components/forms/form-messages-provider";
import { ReviewItemCard } from "../../../../../../_components/revisions/review-item-card";
import { requireUser } from "../../../../../../_lib/require-user";
import { resolveLocale } from "../../../../../../_lib/resolve-locale";
import { reviewPlacementAction } from "./actions";

interface Props {
  params: Promise<{ locale: string; groupId: string; slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "reviewPlacements" });
  return { title: t("title"), robots: { index: false } };
}

/** The list, or null when the caller may not review it (the page is then a 404). */
async function load(groupId: string, slug: string): Promise<ReviewList | null> {
  try {
    return await findReviewItems(await getActor(), groupId, slug);
  } catch (error) {
    if (isAppError(error, "NOT_FOUND") || isAppError(error, "FORBIDDEN")) return null;
    throw error;
  }
}

/**
 * `/{locale}/groups/{groupId}/sources/{slug}/review`: the group's annotations that the latest revision
 * of the source could not place with confidence, for the group's staff (404 for anyone else): confirm
 * a proposed place, re-attach to sentences of the new edition, or leave on the edition written on.
 */
export default async function ReviewPlacementsPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { groupId, slug } = await params;
  const path = `/groups/${encodeURIComponent(groupId)}/sources/${encodeURIComponent(slug)}/review`;
  await requireUser(locale, `/${locale}${path}`);
  const list = (await load(groupId, slug)) ?? notFound();
  const { scope, items } = list;
  const t = await getTranslations({ locale, namespace: "reviewPlacements" });
  const title = scope.source.title[locale];
  const sourcePath = `/${locale}/sources/${scope.source.slug}`;
  return (
    <PageShell locale={locale} path={path}>
      <p className={pageStyles.ui}>
        <Link href={`/${locale}/groups/${scope.groupId}`}>{t("backToGroup")}</Link>
        {" · "}
        <Link href={sourcePath}>{t("openSource", { title })}</Link>
      </p>
      <h1>{t("heading", { title })}</h1>
      <p>{t("intro", { edition: scope.edition.number, count: scope.edition.passages.length })}</p>
      {items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <FormMessagesProvider>
          <ol className={pageStyles.ui}>
            {items.map((item) => (
              <li key={item.placementId}>
                <ReviewItemCard
                  locale={locale}
                  item={item}
                  sentenceCount={scope.edition.passages.length}
                  sourcePath={sourcePath}
                  action={reviewPlacementAction.bind(null, locale, scope.groupId, scope.source.slug)}
                />
              </li>
            ))}
          </ol>
        </FormMessagesProvider>
      )}
    </PageShell>
  );
}
