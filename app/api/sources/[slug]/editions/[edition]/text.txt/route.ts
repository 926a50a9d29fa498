import { z } from "zod";
import { SlugSegment } from "@/lib/http/input-schemas";
import { publicUrl } from "@/lib/http/public-url";
import { readerOrigin } from "@/lib/http/request-client";
import { route } from "@/lib/http/route";
import { EditionSegment } from "@/lib/texts/edition-segment";
import { textResponse } from "@/lib/texts/text-response";

/**
 * GET: the source's edition (a number, or "latest") as plain text (see lib/texts). 404 for an unknown
 * source or edition. Public, like the sources.
 */
export const GET = route(
  { cache: "public", params: z.object({ slug: SlugSegment, edition: EditionSegment }) },
  ({ params, request }) =>
    textResponse(params.slug, params.edition, "txt", (path) =>
      publicUrl(path, readerOrigin(request.headers)),
    ),
);
