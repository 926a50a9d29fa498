import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError, NotFoundError, invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { openReview } from "./open-review.ts";
import { ReviewDecisionSchema } from "./schemas.ts";
import { trimSelection } from "./trim-selection.ts";

/**
 * Records what the group's staff decided about one placement in the latest edition
 * (ReviewDecisionSchema): "confirm" the proposed place (only a placement that has one); "reattach"
 * it to the sentences `first` to `last` of the new edition, or ("reattach-words") to the words
 * between the offsets `start` and `end` of its text, as selected (spaces at either end dropped);
 * "leave" it on the edition it was written on (an orphan in the new one, no longer to review). A decision can be changed later the same way.
 * Who may: openReview; a placement they may not review, or none: NOT_FOUND. Nothing is written when
 * the input is refused.
 */
export async function reviewPlacement(
  actor: Actor,
  groupId: string,
  slug: string,
  input: unknown,
): Promise<void> {
  const scope = await openReview(actor, groupId, slug);
  const decision = parseInput(ReviewDecisionSchema, input);
  const placement = await db.annotationPlacement.findFirst({
    where: { id: decision.placement, ...scope.placementWhere },
    select: { id: true, start: true, end: true },
  });
  if (!placement) throw new NotFoundError("placementNotFound");
  const reviewed = { reviewedAt: new Date(), reviewedById: actor!.userId };
  if (decision.op === "confirm") {
    if (placement.start === null) throw new AppError("INVALID", "placementNothingToConfirm");
    await db.annotationPlacement.update({
      where: { id: placement.id },
      data: { decision: "CONFIRMED", ...reviewed },
    });
  } else if (decision.op === "leave") {
    await db.annotationPlacement.update({
      where: { id: placement.id },
      data: { decision: "LEFT", ...reviewed },
    });
  } else if (decision.op === "reattach-words") {
    const words = trimSelection(scope.edition.text, decision.start, decision.end);
    if (!words) throw invalidField("start", "reattachWordsInvalid");
    await db.annotationPlacement.update({
      where: { id: placement.id },
      data: { decision: "REATTACHED", start: words.start, end: words.end, ...reviewed },
    });
  } else {
    const { passages } = scope.edition;
    const first = passages[decision.first - 1];
    const last = passages[decision.last - 1];
    if (!first || !last || decision.last < decision.first) {
      throw invalidField("first", "reattachRangeInvalid");
    }
    await db.annotationPlacement.update({
      where: { id: placement.id },
      data: { decision: "REATTACHED", start: first.start, end: last.end, ...reviewed },
    });
  }
}
