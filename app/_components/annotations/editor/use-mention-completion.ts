"use client";

import { useState } from "react";
import type { Mentionable } from "@/lib/notifications/mentions";
import { fetchMentionableMembers } from "../data/api-client";
import { MentionCompletion } from "./mention-completion";

/** Each group's members, fetched once per page when someone first types "@" in it (a failure: asked again). */
const membersByGroup = new Map<string, Promise<Mentionable[]>>();

function membersOf(groupId: string): Promise<Mentionable[]> {
  let members = membersByGroup.get(groupId);
  if (!members) {
    members = fetchMentionableMembers(groupId);
    membersByGroup.set(groupId, members);
    members.catch(() => membersByGroup.delete(groupId));
  }
  return members;
}

/**
 * The @mention completion of one editor, for a note in `groupId` (none: a personal note or a form
 * outside a group, which mentions nobody): the group's members are fetched the first time a query
 * needs them.
 */
export function useMentionCompletion(groupId: string | null | undefined, locale: string) {
  const [completion] = useState(() => {
    if (!groupId) return null;
    let asked = false;
    const made: MentionCompletion = new MentionCompletion(locale, () => {
      if (asked) return;
      asked = true;
      membersOf(groupId).then(
        (members) => made.setMembers(members),
        () => {
          asked = false;
        },
      );
    });
    return made;
  });
  return completion;
}
