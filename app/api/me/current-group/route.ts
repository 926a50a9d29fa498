import type { NextRequest } from "next/server";
import { getActor } from "@/lib/auth/get-current-user";
import { setCurrentGroup } from "@/lib/groups/set-current-group";
import { handleRoute } from "@/lib/http/error-response";
import { AppError } from "@/lib/http/errors";
import { toSafeLocalPath } from "@/lib/i18n/to-safe-local-path";
import { isSameOrigin } from "../../../_lib/same-origin";

/**
 * The header's current-group picker (a plain form): `groupId` (empty: none) becomes the user's
 * current group, then back to `next`, the page the form was on (303).
 */
export function POST(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    if (!isSameOrigin(request)) throw new AppError("FORBIDDEN", "notAllowed");
    const form = await request.formData().catch(() => {
      throw new AppError("INVALID", "formInvalid");
    });
    const groupId = form.get("groupId");
    await setCurrentGroup(await getActor(), typeof groupId === "string" && groupId ? groupId : null);
    const next = form.get("next");
    const location = toSafeLocalPath(typeof next === "string" ? next : null) ?? "/";
    return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
  });
}
