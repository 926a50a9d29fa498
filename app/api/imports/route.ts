import { importAnnotations } from "@/lib/import/import-annotations";
import { importAttribution } from "@/lib/import/import-attribution";
import { countImport } from "@/lib/import/import-limit";
import { ImportQuerySchema, MAX_IMPORT_BYTES } from "@/lib/import/schema";
import { readJsonUpload } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";

/**
 * POST `?into=<groupId>|mine&visibility=private|group|instructors&source=<slug>&locale=pl|en`, the
 * file as the body (`application/json` or `application/ld+json`, at most 20 MB): W3C Web Annotations
 * (Glossa's export, another tool's) or Hypothesis's JSON export, imported as the caller's notes in the
 * group or among their personal notes, placed on the latest editions by their selectors (orphans kept
 * and listed, never placed wrongly; `source` places entries whose target is not a Glossa source).
 * Answers the report (lib/import/import-report.ts). Importing the same file again adds nothing.
 * At most IMPORTS_PER_HOUR per account (429 with Retry-After past it).
 */
export const POST = route(
  { caller: "signed-in", query: ImportQuerySchema },
  async ({ actor, query, request }) => {
    await countImport(actor.userId);
    return importAnnotations(actor, await readJsonUpload(request, MAX_IMPORT_BYTES, "importTooLarge"), {
      groupId: query.into === "mine" ? null : query.into,
      visibility: query.visibility,
      fallbackSource: query.source ?? null,
      attribution: importAttribution(query.locale),
    });
  },
);

export const dynamic = "force-dynamic";
