"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-current-user";
import { toActionState } from "@/lib/http/action-state";
import { previewRevision } from "@/lib/revisions/preview-revision";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { DraftFieldSchema } from "@/lib/sources/new-source-schema";
import type { NewSourceState } from "../../../../_components/sources/new-source-state";
import { actionLocale } from "../../../../_lib/action-locale";
import { textField } from "../../../../_lib/form-state";

/**
 * The revise-a-source form's one action, bound to the source's slug. The pressed button (`op`) says
 * the step: "publish" publishes the draft as the next edition (made from the edition in `edition`)
 * and opens the review of the group's annotations (a group's source with some to review) or the
 * reader; "join:<i>" and "split:<i>" correct the previewed sentences; anything else reads the edited
 * text into a preview. The services check who may revise and everything sent.
 */
export async function reviseSourceAction(
  locale: string,
  slug: string,
  previous: NewSourceState,
  formData: FormData,
): Promise<NewSourceState> {
  const values = { text: textField(formData, "text"), edition: textField(formData, "edition") };
  const draft = textField(formData, "draft");
  const op = textField(formData, "op");
  const version = (typeof previous?.version === "number" ? previous.version : 0) + 1;
  let next: string;
  try {
    const actor = await getActor();
    if (op === "publish") {
      const published = await publishRevision(actor, slug, { edition: values.edition, draft });
      const toReview = published.counts.REVIEW + published.counts.ORPHAN > 0 && published.groupId;
      next = toReview
        ? `/groups/${published.groupId}/sources/${published.slug}/review`
        : `/sources/${published.slug}`;
    } else {
      const [verb, index] = op.split(":");
      const step =
        verb === "join" || verb === "split"
          ? { op: verb, draft, index, words: textField(formData, `words.${index}`) }
          : { op: "read", format: "text", text: values.text };
      const preview = await previewRevision(actor, slug, step);
      return { status: "preview", version, values, draft: preview.draft };
    }
  } catch (error) {
    const state = toActionState(error);
    if (state.status !== "error") throw error;
    const parsed = DraftFieldSchema.safeParse(draft);
    return {
      status: "error",
      version,
      values,
      draft: parsed.success ? parsed.data : null,
      error: state.error,
      fields: state.fields,
    };
  }
  redirect(`/${actionLocale(locale)}${next}`);
}
