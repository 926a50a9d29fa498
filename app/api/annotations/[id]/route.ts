import { z } from "zod";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { idSegment } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";

const params = z.object({ id: idSegment("annotationNotFound") });

/** PATCH: change the caller's own annotation or reply. */
export const PATCH = route({ caller: "signed-in", params, body: "json" }, ({ actor, params, body }) =>
  updateAnnotation(actor, params.id, body),
);

/** DELETE: remove the caller's own annotation or reply (a tombstone if it has replies). */
export const DELETE = route({ caller: "signed-in", params }, ({ actor, params }) =>
  deleteAnnotation(actor, params.id),
);
