import { z } from "zod";
import { setCurrentGroup } from "@/lib/groups/set-current-group";
import { text } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";
import { toSafeLocalPath } from "@/lib/i18n/to-safe-local-path";

const CurrentGroupForm = z.object({
  groupId: text().optional(),
  // Any text: toSafeLocalPath turns what is not a path on this site into "/" (its documented rule).
  next: z.string().optional(),
});

/**
 * The header's current-group picker (a plain form): `groupId` (empty: none) becomes the user's
 * current group, then back to `next`, the page the form was on (303).
 */
export const POST = route(
  { caller: "anyone", body: "form", input: CurrentGroupForm },
  async ({ actor, body }) => {
    await setCurrentGroup(actor, body.groupId || null);
    const location = toSafeLocalPath(body.next ?? null) ?? "/";
    return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
  },
);
