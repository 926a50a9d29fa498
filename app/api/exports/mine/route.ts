import { exportResponse } from "@/lib/export/export-response";
import { ExportQuerySchema } from "@/lib/export/schema";
import { route } from "@/lib/http/route";

/**
 * GET `?format=jsonld|csv|markdown&locale=pl|en`: every note and reply the caller wrote, streamed
 * (JSON-LD: one AnnotationCollection; `&page=1`: its page).
 */
export const GET = route(
  { caller: "signed-in-or-token", query: ExportQuerySchema },
  ({ actor, request, url, query }) => exportResponse(actor, { kind: "mine" }, { request, url, query }),
);
