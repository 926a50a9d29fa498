import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { ReviewItem } from "@/lib/revisions/find-review-items";
import type { FormAction } from "../../_lib/form-state";
import { ActionForm } from "../forms/action-form";
import { Field } from "../forms/field";
import { SubmitButton } from "../forms/submit-button";
import { SelectWordsField } from "./select-words-field";
import formStyles from "../forms/forms.module.css";

interface ReviewItemCardProps {
  locale: Locale;
  item: ReviewItem;
  sentenceCount: number;
  /** The reader of the source, whose sentences are numbered #s-1, #s-2… */
  sourcePath: string;
  action: FormAction;
}

/**
 * One annotation to review: its quotation as written and where the revision proposes it stands (or
 * that it was not found), then the decisions as small forms, each usable by keyboard alone: confirm
 * the proposed place, re-attach it to words selected in the new text around it or to sentences
 * chosen by number, leave it on its edition.
 */
export async function ReviewItemCard({
  locale,
  item,
  sentenceCount,
  sourcePath,
  action,
}: ReviewItemCardProps) {
  const t = await getTranslations({ locale, namespace: "reviewPlacements" });
  const headingId = `review-${item.placementId}`;
  const hidden = (op: string) => (
    <>
      <input type="hidden" name="op" value={op} />
      <input type="hidden" name="placement" value={item.placementId} />
    </>
  );
  return (
    <article aria-labelledby={headingId}>
      <h2 id={headingId}>
        {item.outcome === "REVIEW"
          ? t("uncertain", { author: item.author, confidence: Math.round(item.confidence * 100) })
          : t("orphan", { author: item.author })}
      </h2>
      <p>{t("quote", { edition: item.writtenOn })}</p>
      <blockquote>
        <p>{item.quote}</p>
      </blockquote>
      {item.body && <p>{t("body", { body: item.body })}</p>}
      {item.proposed ? (
        <>
          <p>
            {t("proposed", { first: item.proposed.firstSentence, last: item.proposed.lastSentence })}{" "}
            <a href={`${sourcePath}#s-${item.proposed.firstSentence}`}>{t("openSentence")}</a>
          </p>
          <blockquote>
            <p>{item.proposed.text}</p>
          </blockquote>
          <ActionForm action={action} className={formStyles.inline} aria-label={t("confirmLabel")}>
            {hidden("confirm")}
            <SubmitButton>{t("confirm")}</SubmitButton>
          </ActionForm>
        </>
      ) : (
        <p>{t("notFound")}</p>
      )}
      <ActionForm action={action} aria-label={t("reattachWordsLabel")}>
        {hidden("reattach-words")}
        <SelectWordsField
          text={item.around.text}
          offset={item.around.start}
          label={t("aroundLabel", { first: item.around.firstSentence, last: item.around.lastSentence })}
          hint={t("aroundHint")}
          selectedLabel={t("selected")}
          noneSelected={t("noneSelected")}
        />
        <SubmitButton variant="secondary">{t("reattachWords")}</SubmitButton>
      </ActionForm>
      <ActionForm action={action} aria-label={t("reattachLabel")}>
        {hidden("reattach")}
        <p className={formStyles.hint}>{t("reattachHint", { count: sentenceCount })}</p>
        <Field
          name="first"
          label={t("first")}
          type="number"
          inputMode="numeric"
          min={1}
          max={sentenceCount}
          required
          defaultValue={item.proposed?.firstSentence}
        />
        <Field
          name="last"
          label={t("last")}
          type="number"
          inputMode="numeric"
          min={1}
          max={sentenceCount}
          required
          defaultValue={item.proposed?.lastSentence}
        />
        <SubmitButton variant="secondary">{t("reattach")}</SubmitButton>
      </ActionForm>
      <ActionForm action={action} className={formStyles.inline} aria-label={t("leaveLabel")}>
        {hidden("leave")}
        <SubmitButton variant="secondary">{t("leave")}</SubmitButton>
      </ActionForm>
    </article>
  );
}
