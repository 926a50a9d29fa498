import { z } from "zod";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { idSegment } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";

/** POST: reply to an annotation's thread. */
export const POST = route(
  {
    caller: "signed-in",
    params: z.object({ id: idSegment("annotationNotFound") }),
    body: "json",
    status: 201,
  },
  ({ actor, params, body }) => replyToAnnotation(actor, params.id, body),
);
