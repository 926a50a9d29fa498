"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/get-current-user";
import { toActionState } from "@/lib/http/action-state";
import { reviewPlacement } from "@/lib/revisions/review-placement";
import { actionLocale } from "../../../../../../_lib/action-locale";
import { done, textFields, type FormState } from "../../../../../../_lib/form-state";

/**
 * One decision of the review list (bound to the group and the source): the form's `op` (confirm,
 * reattach, reattach-words, leave), the placement's id, and for re-attaching the first and last
 * sentence or the selected words' offsets (`start`, `end`). The
 * service checks who may decide and everything sent; the list is then read again.
 */
export async function reviewPlacementAction(
  locale: string,
  groupId: string,
  slug: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const input = textFields(formData, ["op", "placement", "first", "last", "start", "end"]);
  try {
    await reviewPlacement(await getActor(), groupId, slug, input);
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath(`/${actionLocale(locale)}/groups/${groupId}/sources/${slug}/review`);
  return done("placementReviewed");
}
