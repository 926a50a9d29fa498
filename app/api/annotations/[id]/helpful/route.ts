import { z } from "zod";
import { setHelpfulMark } from "@/lib/annotations/set-helpful-mark";
import { idSegment } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";

const params = z.object({ id: idSegment("annotationNotFound") });

/** PUT: mark a classmate's annotation "helpful" (once; never one's own). Answers the new count. */
export const PUT = route({ caller: "signed-in", params }, ({ actor, params }) =>
  setHelpfulMark(actor, params.id, true),
);

/** DELETE: take one's mark back. */
export const DELETE = route({ caller: "signed-in", params }, ({ actor, params }) =>
  setHelpfulMark(actor, params.id, false),
);
