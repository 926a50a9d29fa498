import type { AssignmentDetail } from "@/lib/assignments/get-assignment";
import { utcToZonedTime } from "@/lib/assignments/zoned-time";
import type { Locale } from "@/lib/i18n/routing";
import type { FormAction } from "../../../_lib/form-state";
import { AssignmentForm, type AssignmentFormValues } from "./assignment-form";
import { AssignmentMessages } from "./assignment-messages";
import { readingRow } from "./reading-row";

/** A week: the default time from opening to the due date of a new assignment. */
const DEFAULT_WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The assignment form with its messages, filled from an assignment being edited, or for a new one:
 * opening today, due in a week (at midnight and a minute before, in the instructor's zone), one reading (the first source, whole), one annotation required.
 */
export function AssignmentEditor({
  locale,
  action,
  sources,
  assignment,
  submitLabel,
}: {
  locale: Locale;
  action: FormAction;
  sources: { slug: string; titlePl: string; titleEn: string; sentences: number }[];
  assignment?: AssignmentDetail;
  submitLabel: string;
}) {
  const now = new Date();
  const zone = assignment?.timeZone ?? "";
  const local = (date: Date) => utcToZonedTime(date, zone || "UTC");
  const initial: AssignmentFormValues = assignment
    ? {
        title: assignment.title,
        instructions: assignment.instructions,
        opensAt: local(assignment.opensAt),
        dueAt: local(assignment.dueAt),
        timeZone: zone,
        minAnnotations: assignment.minAnnotations,
        minReplies: assignment.minReplies,
        minQuestions: assignment.minQuestions,
        inEachReading: assignment.inEachReading,
        revealAfterPosting: assignment.revealAfterPosting,
        revealStaffNotes: assignment.revealStaffNotes,
        anonymousToPeers: assignment.anonymousToPeers,
        smallGroups: assignment.discussionGroupSize !== null,
        discussionGroupSize: assignment.discussionGroupSize ?? 2,
        readings: assignment.readings.map((r) =>
          readingRow(r.sourceSlug, r.firstSentence?.toString() ?? "", r.lastSentence?.toString() ?? ""),
        ),
      }
    : {
        title: "",
        instructions: null,
        opensAt: `${local(now).slice(0, 10)}T00:00`,
        dueAt: `${local(new Date(now.getTime() + DEFAULT_WEEK_MS)).slice(0, 10)}T23:59`,
        timeZone: "",
        minAnnotations: 1,
        minReplies: 0,
        minQuestions: 0,
        inEachReading: false,
        revealAfterPosting: false,
        revealStaffNotes: true,
        anonymousToPeers: false,
        smallGroups: false,
        discussionGroupSize: 2,
        readings: [readingRow(sources[0]?.slug ?? "")],
      };
  return (
    <AssignmentMessages>
      <AssignmentForm
        action={action}
        sources={sources.map((s) => ({
          slug: s.slug,
          title: locale === "pl" ? s.titlePl : s.titleEn,
          sentences: s.sentences,
        }))}
        initial={initial}
        submitLabel={submitLabel}
      />
    </AssignmentMessages>
  );
}
