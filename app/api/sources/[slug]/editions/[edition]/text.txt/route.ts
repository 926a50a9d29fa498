import { z } from "zod";
import { SlugSegment } from "@/lib/http/input-schemas";
import { publicUrl } from "@/lib/http/public-url";
import { readerOrigin } from "@/lib/http/request-client";
import { route } from "@/lib/http/route";
import { EditionSegment } from "@/lib/texts/edition-segment";
import { textResponse } from "@/lib/texts/text-response";

/**
 * GET: the source's edition (a number, or "latest") as plain text (see lib/texts). 404 for an unknown
 * source or edition, and for a group's own source to anyone outside the group (so not cached publicly).
 */
export const GET = route(
  { caller: "anyone", params: z.object({ slug: SlugSegment, edition: EditionSegment }) },
  ({ actor, params, request }) =>
    textResponse(actor, params.slug, params.edition, "txt", (path) =>
      publicUrl(path, readerOrigin(request.headers)),
    ),
);
