import { OPEN_TO_OTHER_SITES } from "../open-to-other-sites.ts";
import { DTS_JSON_CONTENT_TYPE } from "./dts-vocabulary.ts";

/** A DTS JSON answer: JSON-LD, as DTS 1.0 asks of every endpoint but Document. */
export function dtsJsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    headers: { ...OPEN_TO_OTHER_SITES, "Content-Type": DTS_JSON_CONTENT_TYPE },
  });
}
