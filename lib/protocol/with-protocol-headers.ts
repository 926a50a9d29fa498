type Handler = (
  request: Request,
  context?: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

/**
 * A protocol handler whose error answers (4xx, 5xx) carry the resource's headers too (CORS, so that
 * a client on another site can read why it was refused; `Link` with the LDP type and constraints;
 * `Allow`), as its successful answers do. Headers the error answer sets itself are kept.
 */
export function withProtocolHeaders(handler: Handler, headers: () => Record<string, string>): Handler {
  return async (request, context) => {
    const response = await handler(request, context);
    if (response.status < 400) return response;
    for (const [name, value] of Object.entries(headers())) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  };
}
