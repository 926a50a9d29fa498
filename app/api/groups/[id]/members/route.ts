import { z } from "zod";
import { findMentionableMembers } from "@/lib/groups/find-mentionable-members";
import { idSegment } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";

const params = z.object({ id: idSegment("groupNotFound") });

/** GET: the group's members' names, for @mention completion in the note editor (members only). */
export const GET = route({ caller: "signed-in", params }, async ({ actor, params }) => ({
  members: await findMentionableMembers(actor, params.id),
}));
