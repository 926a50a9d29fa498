import { z } from "zod";
import { exportProgress } from "@/lib/assignments/export-progress";
import { idSegment, text } from "@/lib/http/input-schemas";
import { PRIVATE_NO_STORE } from "@/lib/http/private-headers";
import { route } from "@/lib/http/route";
import { isLocale } from "@/lib/i18n/routing";

/**
 * GET `?locale=pl|en`: the assignment's progress table as CSV (UTF-8 with a BOM, one row per
 * student), for its group's staff; 403 for its students, 404 for anyone else.
 */
export const GET = route(
  {
    caller: "signed-in",
    params: z.object({ id: idSegment("assignmentNotFound") }),
    query: z.object({ locale: text().optional() }),
  },
  async ({ actor, params: { id }, query }) => {
    const locale = query.locale && isLocale(query.locale) ? query.locale : "pl";
    const { filename, csv } = await exportProgress(actor, id, locale);
    return new Response(csv, {
      headers: {
        ...PRIVATE_NO_STORE,
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
      },
    });
  },
);
