import { z } from "zod";
import { exportResponse } from "@/lib/export/export-response";
import { ExportQuerySchema } from "@/lib/export/schema";
import { idSegment } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";

/**
 * GET `?format=jsonld|csv|markdown&locale=pl|en`: the notes started on the assignment's readings
 * since it opened, with their replies, streamed, for its staff; 403 for its students, 404 for anyone else.
 */
export const GET = route(
  {
    caller: "signed-in-or-token",
    params: z.object({ id: idSegment("assignmentNotFound") }),
    query: ExportQuerySchema,
  },
  ({ actor, params, request, url, query }) =>
    exportResponse(actor, { kind: "assignment", assignmentId: params.id }, { request, url, query }),
);
