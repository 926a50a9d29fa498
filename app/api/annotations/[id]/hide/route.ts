import { z } from "zod";
import { hideAnnotation, unhideAnnotation } from "@/lib/annotations/hide-annotation";
import { idSegment } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";

const params = z.object({ id: idSegment("annotationNotFound") });

/** POST { reason }: hide an annotation or reply from the group (instructors, teaching assistants). */
export const POST = route({ caller: "signed-in", params, body: "json" }, ({ actor, params, body }) =>
  hideAnnotation(actor, params.id, body),
);

/** DELETE: show it again. */
export const DELETE = route({ caller: "signed-in", params }, ({ actor, params }) =>
  unhideAnnotation(actor, params.id),
);
