import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { publicUrl } from "@/lib/http/public-url";
import { readerOrigin } from "@/lib/http/request-client";
import type { z } from "zod";
import type { ExportQuerySchema } from "./schema.ts";
import type { ExportRequest } from "./open-export.ts";
import { streamExport } from "./stream-export.ts";

/**
 * The answer of an export route: the file, streamed, as a download. The collection's IRI is the
 * export's URL on the public address (its format and locale only; never the Host header).
 */
export async function exportResponse(
  actor: Actor,
  request: ExportRequest,
  http: { request: Request; url: URL; query: z.output<typeof ExportQuerySchema> },
): Promise<Response> {
  const { format, locale, page } = http.query;
  const origin = readerOrigin(http.request.headers);
  const file = await streamExport(actor, request, {
    format,
    locale,
    page: page === "1" ? 1 : undefined,
    url: publicUrl(`${http.url.pathname}?${new URLSearchParams({ format, locale })}`, origin),
    readerOrigin: origin,
  });
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
    },
  });
}
