import { AppError } from "./errors.ts";

/** Largest JSON request body accepted (a 20,000-character note in Tiptap JSON stays far below it). */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/**
 * The JSON body of a state-changing API request, or a typed error: requests from another site
 * (Origin or Sec-Fetch-Site) are FORBIDDEN, a body that is not `application/json` or not valid JSON is
 * BAD_REQUEST, one over MAX_JSON_BODY_BYTES is TOO_LARGE. Requiring JSON also means a plain HTML form
 * on another site cannot post here without a CORS preflight.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  assertSameOrigin(request);
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/iu.test(type)) throw new AppError("BAD_REQUEST", "jsonRequired");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) throw new AppError("TOO_LARGE", "requestTooLarge");
  const text = await readLimited(request);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "invalidJson");
  }
}

/** Refuses a state-changing request another site's page made in the user's browser. */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN", "crossSiteRequest");
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("FORBIDDEN", "crossSiteRequest");
  }
  if (host && originHost !== host) throw new AppError("FORBIDDEN", "crossSiteRequest");
}

async function readLimited(request: Request): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_JSON_BODY_BYTES) {
      await reader.cancel();
      throw new AppError("TOO_LARGE", "requestTooLarge");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
