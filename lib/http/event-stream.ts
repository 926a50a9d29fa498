/** A comment line now and then keeps proxies from closing a quiet connection. */
const KEEP_ALIVE_MS = 25_000;

/**
 * How long the browser waits before reconnecting after the connection drops: a delay drawn per
 * connection between RETRY_MIN_MS and RETRY_MIN_MS + RETRY_SPREAD_MS, so that a class whose instance
 * died comes back to the others spread over seconds, not all in the same instant.
 */
const RETRY_MIN_MS = 1_000;
const RETRY_SPREAD_MS = 3_000;

/** A reconnection delay for one connection (lib/http/event-stream.ts: RETRY_MIN_MS, RETRY_SPREAD_MS). */
export function retryDelayMs(random: () => number = Math.random): number {
  return RETRY_MIN_MS + Math.floor(random() * RETRY_SPREAD_MS);
}

/** Sends one event, its data as JSON; nothing once the stream is closed. */
export type SendEvent = (event: string, data: unknown) => void;

/**
 * A server-sent events response for `request`. `start(send, end)` begins what feeds it and returns
 * how to stop that; events it sends before returning are delivered first. If it throws, nothing is
 * streamed and the error goes on to the caller (to become a 4xx before any event). The stream sends
 * its retry delay (retryDelayMs) at once and a keep-alive comment every KEEP_ALIVE_MS, and stops (calling the
 * returned stop once) when the client goes away, the stream is cancelled or `end()` is called. Never
 * stored by a cache and never compressed, so each event leaves at once.
 */
export async function eventStream(
  request: Request,
  start: (send: SendEvent, end: () => void) => Promise<() => void>,
): Promise<Response> {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  let stop: (() => void) | undefined;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
    cancel() {
      end();
    },
  });
  const write = (text: string) => {
    if (open) controller.enqueue(encoder.encode(text));
  };
  function end() {
    if (!open) return;
    open = false;
    clearInterval(keepAlive);
    request.signal.removeEventListener("abort", end);
    stop?.();
    try {
      controller.close();
    } catch {
      // Already closed by the other side.
    }
  }
  write(`retry: ${retryDelayMs()}\n\n`);
  try {
    stop = await start((event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`), end);
  } catch (error) {
    end();
    throw error;
  }
  if (open) keepAlive = setInterval(() => write(": still here\n\n"), KEEP_ALIVE_MS);
  else stop();
  request.signal.addEventListener("abort", end);
  if (request.signal.aborted) end();
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: not gzipped, so each event leaves at once.
      "Cache-Control": "private, no-cache, no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
