"use client";

import type { JSONContent } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useHydrated } from "../../../_components/citations/use-hydrated";
import { BodyEditor } from "../../../_components/annotations/editor/body-editor";
import { ActionForm } from "../../../_components/forms/action-form";
import { Field } from "../../../_components/forms/field";
import { SubmitButton } from "../../../_components/forms/submit-button";
import type { FormAction } from "../../../_lib/form-state";
import type { ReadingRow } from "./reading-row";
import { ReadingsPicker, type SourceChoice } from "./readings-picker";
import styles from "./assignments.module.css";

export interface AssignmentFormValues {
  title: string;
  instructions: JSONContent | null;
  opensAt: string;
  dueAt: string;
  /** Empty for a new assignment: the browser's own zone is filled in. */
  timeZone: string;
  minAnnotations: number;
  minReplies: number;
  minQuestions: number;
  inEachReading: boolean;
  revealAfterPosting: boolean;
  revealStaffNotes: boolean;
  anonymousToPeers: boolean;
  smallGroups: boolean;
  discussionGroupSize: number;
  readings: ReadingRow[];
}

/**
 * The instructor's form for a new or changed assignment: title, instructions in the annotation
 * editor, the readings in order, when it opens and is due (wall-clock times in a time zone, the
 * browser's by default), and the requirements. The editor's document and the readings travel as
 * JSON in hidden fields; the server checks all of it again.
 */
export function AssignmentForm({
  action,
  sources,
  initial,
  submitLabel,
}: {
  action: FormAction;
  sources: SourceChoice[];
  initial: AssignmentFormValues;
  submitLabel: string;
}) {
  const t = useTranslations("assignments.form");
  const instructionsId = useId();
  const [instructions, setInstructions] = useState<JSONContent | null>(initial.instructions);
  const [readings, setReadings] = useState<ReadingRow[]>(initial.readings);
  // Known only in the browser (the server's list may differ): used once hydrated.
  const hydrated = useHydrated();
  const [chosenZone, setTimeZone] = useState<string | null>(initial.timeZone || null);
  const timeZone = chosenZone ?? (hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC");
  // The ~400 zone names are suggested once the field is used, not with every render of the form.
  const [suggest, setSuggest] = useState(false);
  const zones = hydrated && suggest ? Intl.supportedValuesOf("timeZone") : [];

  return (
    <ActionForm action={action} aria-label={t("formLabel")}>
      <Field name="title" label={t("title")} required defaultValue={initial.title} maxLength={200} />
      <div className={styles.editor}>
        <BodyEditor
          id={instructionsId}
          label={t("instructions")}
          value={instructions}
          onChange={setInstructions}
        />
        <input type="hidden" name="instructions" value={instructions ? JSON.stringify(instructions) : ""} />
      </div>
      <ReadingsPicker sources={sources} rows={readings} onChange={setReadings} />
      <input type="hidden" name="readings" value={JSON.stringify(readings.map(toInput))} />
      <fieldset className={styles.fieldset}>
        <legend>{t("when")}</legend>
        <Field
          name="opensAt"
          type="datetime-local"
          label={t("opensAt")}
          required
          defaultValue={initial.opensAt}
        />
        <Field name="dueAt" type="datetime-local" label={t("dueAt")} required defaultValue={initial.dueAt} />
        <div className={styles.zone}>
          <label htmlFor={`${instructionsId}-zone`}>{t("timeZone")}</label>
          <input
            id={`${instructionsId}-zone`}
            name="timeZone"
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
            onFocus={() => setSuggest(true)}
            list={`${instructionsId}-zones`}
            autoComplete="off"
            spellCheck={false}
          />
          <datalist id={`${instructionsId}-zones`}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("requirements")}</legend>
        {(["minAnnotations", "minReplies", "minQuestions"] as const).map((name) => (
          <Field
            key={name}
            name={name}
            type="number"
            min={0}
            max={100}
            label={t(name)}
            defaultValue={initial[name]}
          />
        ))}
        <p className={styles.check}>
          <input
            type="checkbox"
            id={`${instructionsId}-each`}
            name="inEachReading"
            defaultChecked={initial.inEachReading}
          />
          <label htmlFor={`${instructionsId}-each`}>{t("inEachReading")}</label>
        </p>
        <p className={styles.hint}>{t("countsHint")}</p>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("reveal")}</legend>
        <p className={styles.check}>
          <input
            type="checkbox"
            id={`${instructionsId}-reveal`}
            name="revealAfterPosting"
            defaultChecked={initial.revealAfterPosting}
            aria-describedby={`${instructionsId}-reveal-hint`}
          />
          <label htmlFor={`${instructionsId}-reveal`}>{t("revealAfterPosting")}</label>
        </p>
        <p className={styles.hint} id={`${instructionsId}-reveal-hint`}>
          {t("revealHint")}
        </p>
        <fieldset className={styles.fieldset}>
          <legend>{t("revealStaffNotes")}</legend>
          {(["shown", "hidden"] as const).map((value) => (
            <p className={styles.check} key={value}>
              <input
                type="radio"
                id={`${instructionsId}-staff-${value}`}
                name="revealStaffNotes"
                value={value}
                defaultChecked={initial.revealStaffNotes === (value === "shown")}
              />
              <label htmlFor={`${instructionsId}-staff-${value}`}>{t(`revealStaffNotes_${value}`)}</label>
            </p>
          ))}
        </fieldset>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("anonymity")}</legend>
        <p className={styles.check}>
          <input
            type="checkbox"
            id={`${instructionsId}-anonymous`}
            name="anonymousToPeers"
            defaultChecked={initial.anonymousToPeers}
            aria-describedby={`${instructionsId}-anonymous-hint`}
          />
          <label htmlFor={`${instructionsId}-anonymous`}>{t("anonymousToPeers")}</label>
        </p>
        <p className={styles.hint} id={`${instructionsId}-anonymous-hint`}>
          {t("anonymityHint")}
        </p>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("smallGroups")}</legend>
        <p className={styles.check}>
          <input
            type="checkbox"
            id={`${instructionsId}-small-groups`}
            name="smallGroups"
            defaultChecked={initial.smallGroups}
            aria-describedby={`${instructionsId}-small-groups-hint`}
          />
          <label htmlFor={`${instructionsId}-small-groups`}>{t("smallGroupsOn")}</label>
        </p>
        <p className={styles.hint} id={`${instructionsId}-small-groups-hint`}>
          {t("smallGroupsHint")}
        </p>
        <Field
          name="discussionGroupSize"
          type="number"
          min={2}
          label={t("discussionGroupSize")}
          defaultValue={initial.discussionGroupSize}
        />
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}

function toInput(row: ReadingRow) {
  const whole = row.firstSentence === "" && row.lastSentence === "";
  return whole
    ? { source: row.source }
    : { source: row.source, firstSentence: row.firstSentence, lastSentence: row.lastSentence };
}
