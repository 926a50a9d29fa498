import { route } from "@/lib/http/route";
import { dtsJsonResponse } from "@/lib/texts/dts/dts-json-response";
import { dtsEntry } from "@/lib/texts/dts/dts-entry";

/** GET: the DTS 1.0 entry endpoint: the URI templates of the Collection, Navigation and Document endpoints. */
export const GET = route({ cache: "public" }, async () => dtsJsonResponse(dtsEntry()));
