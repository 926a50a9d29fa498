import { z } from "zod";
import { setFeatured } from "@/lib/annotations/set-featured";
import { idSegment } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";

const params = z.object({ id: idSegment("annotationNotFound") });

/** PUT: highlight an annotation for the group (its instructors and teaching assistants). */
export const PUT = route({ caller: "signed-in", params }, ({ actor, params }) =>
  setFeatured(actor, params.id, true),
);

/** DELETE: take the highlight off. */
export const DELETE = route({ caller: "signed-in", params }, ({ actor, params }) =>
  setFeatured(actor, params.id, false),
);
