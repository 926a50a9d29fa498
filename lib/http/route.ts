import "server-only";
import type { z } from "zod";
import { getActor } from "@/lib/auth/get-current-user";
import { readTokenActor } from "@/lib/auth/read-token-actor";
import type { Actor } from "@/lib/auth/policy";
import { handleRoute } from "./error-response.ts";
import { AppError, NotFoundError } from "./errors.ts";
import { parseInput } from "./parse-input.ts";
import { PRIVATE_NO_STORE } from "./private-headers.ts";
import { readFormBody, readJsonBody } from "./read-json-body.ts";
import { isSameOrigin } from "./same-origin.ts";

type Segments = Record<string, string | string[]>;

/** What a route's handler is given: the request and what the options asked to be read from it. */
export interface RouteContext<Caller, Params, Query, Body> {
  request: Request;
  url: URL;
  /** Who asks (see `caller`). */
  actor: Caller;
  params: Params;
  query: Query;
  body: Body;
}

/**
 * An answer with an ETag. `body` null means the service found the caller's copy current (it was
 * handed If-None-Match); a string is sent as ready-made JSON.
 */
export class Tagged {
  constructor(
    readonly tag: string,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** An answer with its ETag, for conditional GET (see `route`). */
export function tagged(tag: string, body: unknown, headers?: Record<string, string>): Tagged {
  return new Tagged(tag, body, headers);
}

export interface RouteOptions<
  CallerKind extends "none" | "anyone" | "anyone-or-token" | "signed-in" | "signed-in-or-token",
  ParamsSchema extends z.ZodType<unknown, Segments> | undefined,
  QuerySchema extends z.ZodType | undefined,
  BodyKind extends "json" | "form" | undefined,
  InputSchema extends z.ZodType | undefined,
> {
  /**
   * Who asks: "anyone" reads the session (the actor, null when anonymous), "signed-in" also refuses
   * anonymous callers with 401 before anything else, "none" (the default) reads no session.
   * "signed-in-or-token" is "signed-in" that also takes a personal access token
   * (`Authorization: Bearer …`, lib/auth/read-token-actor.ts) in place of the session: for what API
   * clients read (exports), never for pages. "anyone-or-token" is "anyone" that also takes one (what
   * anonymous readers may ask too: search, an annotation's JSON-LD).
   */
  caller?: CallerKind;
  /** The URL segments: one that does not fit names nothing (404 with the schema's message). */
  params?: ParamsSchema;
  /** The query, as an object of the first value of each parameter: 422 when it does not fit. */
  query?: QuerySchema;
  /**
   * The body: "json" (400 when it is not JSON, 413 over 256 kB) or "form" (400 for anything but a
   * form). Without `input` it is handed over unparsed, for a service that parses it with its schema.
   */
  body?: BodyKind;
  /** The schema of the body (a form as an object of its text fields): 422 when it does not fit. */
  input?: InputSchema;
  /** Status of a successful answer that is not a Response (default 200). */
  status?: number;
  /**
   * Cache-Control: "private" (the default) is `private, no-store`, for answers that depend on who
   * asks; "public" leaves the framework's default, for what anyone may read.
   */
  cache?: "private" | "public";
  /**
   * Every method but GET and HEAD refuses requests from other sites (403) unless this says why it
   * may not (Auth.js's own endpoints, say, which carry their own CSRF token).
   */
  crossSiteAllowedBecause?: string;
}

type CallerOf<K> = K extends "signed-in" | "signed-in-or-token"
  ? { userId: string }
  : K extends "anyone" | "anyone-or-token"
    ? Actor
    : null;
type Parsed<S, Fallback> = S extends z.ZodType ? z.output<S> : Fallback;
type BodyOf<K, I> = I extends z.ZodType ? z.output<I> : K extends "form" ? FormData : unknown;

/**
 * A route handler from its declaration and its work. The wrapper reads who asks, checks the origin
 * of every state-changing request, parses the segments, the query and the body, sets Cache-Control,
 * answers conditional GETs (`tagged`: 304 when If-None-Match names the tag), and maps every error
 * through the one mapping (lib/http/error-response.ts), so the handler body is only the call into
 * lib/. A handler returns a value (sent as JSON with `status`), a `tagged` answer, or a Response.
 */
export function route<
  CallerKind extends "none" | "anyone" | "anyone-or-token" | "signed-in" | "signed-in-or-token" = "none",
  ParamsSchema extends z.ZodType<unknown, Segments> | undefined = undefined,
  QuerySchema extends z.ZodType | undefined = undefined,
  BodyKind extends "json" | "form" | undefined = undefined,
  InputSchema extends z.ZodType | undefined = undefined,
>(
  options: RouteOptions<CallerKind, ParamsSchema, QuerySchema, BodyKind, InputSchema>,
  handler: (
    context: RouteContext<
      CallerOf<CallerKind>,
      Parsed<ParamsSchema, Segments>,
      Parsed<QuerySchema, undefined>,
      BodyOf<BodyKind, InputSchema>
    >,
  ) => Promise<unknown>,
): (request: Request, context?: { params: Promise<Segments> }) => Promise<Response> {
  return (request, context) =>
    handleRoute(async () => {
      const safeMethod = request.method === "GET" || request.method === "HEAD";
      if (!safeMethod && !options.crossSiteAllowedBecause && !isSameOrigin(request.headers, request.url)) {
        throw new AppError("FORBIDDEN", "crossSiteRequest");
      }
      const url = new URL(request.url);
      const params = await parseParams(options.params, (await context?.params) ?? {});
      const query = options.query ? parseInput(options.query, firstValues(url.searchParams)) : undefined;
      const actor = await readCaller(options.caller ?? "none", request);
      const body = await readBody(request, options.body, options.input);
      const result = await handler({
        request,
        url,
        actor: actor as CallerOf<CallerKind>,
        params: params as Parsed<ParamsSchema, Segments>,
        query: query as Parsed<QuerySchema, undefined>,
        body: body as BodyOf<BodyKind, InputSchema>,
      });
      return toResponse(request, result, options);
    });
}

/** Each query parameter's first value (a repeated `?group=a&group=b` is read as `a`). */
function firstValues(search: URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of search) if (!Object.hasOwn(values, name)) values[name] = value;
  return values;
}

async function readCaller(
  kind: "none" | "anyone" | "anyone-or-token" | "signed-in" | "signed-in-or-token",
  request: Request,
): Promise<Actor> {
  if (kind === "none") return null;
  const owner = kind.endsWith("-or-token") ? await readTokenActor(request) : null;
  if (owner) return owner;
  const actor = await getActor();
  if (kind.startsWith("signed-in") && !actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  return actor;
}

async function parseParams(schema: z.ZodType | undefined, segments: Segments): Promise<unknown> {
  if (!schema) return segments;
  const parsed = schema.safeParse(segments);
  if (parsed.success) return parsed.data;
  throw new NotFoundError(parsed.error.issues[0]?.message ?? "notFound");
}

async function readBody(
  request: Request,
  kind: "json" | "form" | undefined,
  input: z.ZodType | undefined,
): Promise<unknown> {
  if (kind === "json") {
    const json = await readJsonBody(request);
    return input ? parseInput(input, json) : json;
  }
  if (kind === "form") {
    const form = await readFormBody(request);
    if (!input) return form;
    const fields = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string"));
    return parseInput(input, fields);
  }
  return undefined;
}

/** Whether If-None-Match names `tag` (or is `*`); weak and strong tags compare alike. */
function matchesTag(ifNoneMatch: string | null, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (value: string) => value.trim().replace(/^W\//u, "");
  return ifNoneMatch.split(",").some((value) => value.trim() === "*" || strip(value) === strip(tag));
}

function toResponse(
  request: Request,
  result: unknown,
  options: { status?: number; cache?: "private" | "public" },
): Response {
  const cache: Record<string, string> = options.cache === "public" ? {} : { ...PRIVATE_NO_STORE };
  if (result instanceof Response) {
    if (result.headers.has("Cache-Control") || Object.keys(cache).length === 0) return result;
    // A copy: a Response's headers may be immutable (Response.redirect(), as Auth.js answers).
    const headers = new Headers(result.headers);
    for (const [name, value] of Object.entries(cache)) headers.set(name, value);
    return new Response(result.body, { status: result.status, statusText: result.statusText, headers });
  }
  if (result instanceof Tagged) {
    const headers = { ...cache, ...result.headers, ETag: result.tag };
    if (result.body === null || matchesTag(request.headers.get("if-none-match"), result.tag)) {
      return new Response(null, { status: 304, headers: { ...cache, ETag: result.tag } });
    }
    if (typeof result.body === "string") {
      return new Response(result.body, { headers: { ...headers, "Content-Type": "application/json" } });
    }
    return Response.json(result.body, { headers });
  }
  return Response.json(result, { status: options.status ?? 200, headers: cache });
}
