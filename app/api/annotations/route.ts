import { createAnnotation } from "@/lib/annotations/create-annotation";
import { route } from "@/lib/http/route";

/** POST: a new annotation (see CreateAnnotationInput in lib/annotations/types.ts). */
export const POST = route({ caller: "signed-in", body: "json", status: 201 }, ({ actor, body }) =>
  createAnnotation(actor, body),
);
