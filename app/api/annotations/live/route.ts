import { getActor } from "@/lib/auth/get-current-user";
import { parseWatchedSources } from "@/lib/annotations/schemas";
import { watchAnnotationVersions } from "@/lib/annotations/watch-annotations";
import { handleRoute } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/** A comment line now and then keeps proxies from closing a quiet connection. */
const KEEP_ALIVE_MS = 25_000;

/**
 * GET `?sources=a,b` (the sources a page shows, at most 3): server-sent events, one `version` event
 * `{"source": slug, "version": etag}` for each source at once and again whenever the caller's index
 * of it changes — made by anyone, on any app instance. The page then fetches the index with
 * `If-None-Match`. Only versions travel here (the index's ETag, computed under the policy): a change
 * the caller may not read sends nothing. Anonymous: 401; a source or group they cannot read: 404.
 */
export function GET(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const slugs = parseWatchedSources(new URL(request.url).searchParams.get("sources"));
    const actor = await getActor();
    const encoder = new TextEncoder();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let open = true;
    const stream = new ReadableStream<Uint8Array>({
      start(streamController) {
        controller = streamController;
      },
      cancel() {
        close();
      },
    });
    const write = (text: string) => {
      if (open) controller.enqueue(encoder.encode(text));
    };
    // The browser reconnects after this long if the connection drops.
    write("retry: 5000\n\n");
    const watch = await watchAnnotationVersions(
      actor,
      slugs,
      (source, version) => write(`event: version\ndata: ${JSON.stringify({ source, version })}\n\n`),
      () => close(),
    );
    const keepAlive = setInterval(() => write(": still here\n\n"), KEEP_ALIVE_MS);
    function close() {
      if (!open) return;
      open = false;
      clearInterval(keepAlive);
      watch.stop();
      request.signal.removeEventListener("abort", close);
      try {
        controller.close();
      } catch {
        // Already closed by the other side.
      }
    }
    request.signal.addEventListener("abort", close);
    if (request.signal.aborted) close();
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        // no-transform: not gzipped, so each event leaves at once.
        "Cache-Control": "private, no-cache, no-store, no-transform",
        "X-Accel-Buffering": "no",
      },
    });
  });
}
