"use server";

import { refresh } from "next/cache";
import { getActor } from "@/lib/auth/get-current-user";
import { moveToDiscussionGroup } from "@/lib/assignments/move-to-discussion-group";
import { shuffleDiscussionGroups } from "@/lib/assignments/shuffle-discussion-groups";
import { done, textFields, type FormState } from "../../_lib/form-state";
import { runAction } from "../../_lib/run-action";

/*
 * The discussion-groups page's actions (small groups), each bound to its assignment; the services
 * check that the signed-in user is its staff (lib/auth/policy.ts), whatever the browser sends.
 */

export async function shuffleDiscussionGroupsAction(
  assignmentId: string,
  _state: FormState,
): Promise<FormState> {
  return runAction(async () => {
    await shuffleDiscussionGroups(await getActor(), assignmentId);
    refresh();
    return done("discussionGroupsShuffled");
  });
}

export async function moveToDiscussionGroupAction(
  assignmentId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    await moveToDiscussionGroup(
      await getActor(),
      assignmentId,
      textFields(formData, ["userId", "discussionGroup"]),
    );
    refresh();
    return done("discussionGroupMoved");
  });
}
