import { AppError } from "./errors.ts";

/** Largest JSON request body accepted (a 20,000-character note in Tiptap JSON stays far below it). */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/**
 * The JSON body of an API request, or a typed error: a body that is not `application/json` or not
 * valid JSON is BAD_REQUEST, one over MAX_JSON_BODY_BYTES is TOO_LARGE. Requiring JSON also means a
 * plain HTML form on another site cannot post here without a CORS preflight. (Whether the request
 * came from this site is the route wrapper's check: lib/http/route.ts.)
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/iu.test(type)) throw new AppError("BAD_REQUEST", "jsonRequired");
  return readJsonPayload(request);
}

/**
 * The JSON of a request whose media type its handler has checked (JSON-LD, say): BAD_REQUEST when it
 * is not valid JSON, TOO_LARGE over MAX_JSON_BODY_BYTES.
 */
export async function readJsonPayload(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) throw new AppError("TOO_LARGE", "requestTooLarge");
  const text = await readLimited(request);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "invalidJson");
  }
}

/** The body of a plain form post (urlencoded or multipart), or BAD_REQUEST ("formInvalid") for anything else. */
export async function readFormBody(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/iu.test(type)) {
    throw new AppError("BAD_REQUEST", "formInvalid");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) throw new AppError("TOO_LARGE", "requestTooLarge");
  try {
    return await request.formData();
  } catch {
    throw new AppError("BAD_REQUEST", "formInvalid");
  }
}

/**
 * The body of an upload sent as the request's body (an import file), as text, or TOO_LARGE past
 * `maxBytes` (read no further) and BAD_REQUEST ("jsonRequired") unless its type is JSON.
 */
export async function readJsonUpload(
  request: Request,
  maxBytes: number,
  tooLarge = "requestTooLarge",
): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(ld\+)?json\b/iu.test(type)) throw new AppError("BAD_REQUEST", "jsonRequired");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("TOO_LARGE", tooLarge);
  return readLimited(request, maxBytes, tooLarge);
}

async function readLimited(
  request: Request,
  maxBytes = MAX_JSON_BODY_BYTES,
  tooLarge = "requestTooLarge",
): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("TOO_LARGE", tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
