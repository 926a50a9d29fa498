import { z } from "zod";
import { exportResponse } from "@/lib/export/export-response";
import { ExportQuerySchema } from "@/lib/export/schema";
import { idSegment } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";

/**
 * GET `?format=jsonld|csv|markdown&locale=pl|en`: the group's shared notes with their replies,
 * streamed, for its staff; 403 for its students, 404 for anyone else.
 */
export const GET = route(
  {
    caller: "signed-in-or-token",
    params: z.object({ id: idSegment("groupNotFound") }),
    query: ExportQuerySchema,
  },
  ({ actor, params, request, url, query }) =>
    exportResponse(actor, { kind: "group", groupId: params.id }, { request, url, query }),
);
