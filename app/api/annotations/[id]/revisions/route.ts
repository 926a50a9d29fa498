import { z } from "zod";
import { listRevisions } from "@/lib/annotations/list-revisions";
import { idSegment } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";

/** GET: the earlier versions of an annotation or reply the caller reads. */
export const GET = route(
  { caller: "anyone", params: z.object({ id: idSegment("annotationNotFound") }) },
  ({ actor, params }) => listRevisions(actor, params.id),
);
