import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-current-user";
import type { Locale } from "@/lib/i18n/routing";
import { findPendingReviews } from "@/lib/revisions/find-pending-reviews";

/** The group page's list of sources whose revision left annotations to review (staff only). */
export async function PendingReviews({ locale, groupId }: { locale: Locale; groupId: string }) {
  const pending = await findPendingReviews(await getActor(), groupId);
  if (pending.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "reviewPlacements" });
  return (
    <section aria-labelledby="pending-reviews-heading">
      <h2 id="pending-reviews-heading">{t("pendingHeading")}</h2>
      <ul>
        {pending.map((review) => (
          <li key={review.slug}>
            <Link href={`/${locale}/groups/${groupId}/sources/${review.slug}/review`}>
              {t("pendingLink", { title: review.title[locale], count: review.count })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
