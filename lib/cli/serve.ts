/**
 * The HTTP server that serves the built app (started by `npm start`, lib/cli/start.ts, as its child):
 * Next's request handler behind Node's own server, so that each request reaches the app with who
 * sent it taken from the TCP connection, which Next alone does not expose to the app (its copy of
 * the forwarding header that lib/http/trusted-proxy.ts reads is whatever a client sent, set from the
 * socket only when absent).
 *
 * Before Next sees a request, lib/http/trusted-proxy.ts removes the headers only this server may set
 * and every forwarding header from anyone but a trusted proxy (GLOSSA_TRUSTED_PROXIES), then sets the
 * client's address and the origin the reader reached (GLOSSA_PUBLIC_URL, else this server's address on
 * the connection). Serves GLOSSA_HOST:PORT; SIGTERM or SIGINT closes it.
 */
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { env } from "../env.ts";
import { applyTrustedHeaders, parseTrustedProxies } from "../http/trusted-proxy.ts";

const root = path.resolve(import.meta.dirname, "../..");
/** How long open responses (a live annotation stream) may run on after a stop before they are cut. */
const STOP_GRACE_MS = 3_000;

const proxies = parseTrustedProxies(env.GLOSSA_TRUSTED_PROXIES);
const publicOrigin = env.GLOSSA_PUBLIC_URL ? new URL(env.GLOSSA_PUBLIC_URL).origin : undefined;
const app = next({ dev: false, dir: root, hostname: env.GLOSSA_HOST, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  applyTrustedHeaders(
    request.headers,
    {
      peer: request.socket.remoteAddress ?? "",
      localAddress: request.socket.localAddress ?? env.GLOSSA_HOST,
      localPort: request.socket.localPort ?? env.PORT,
    },
    { proxies, publicOrigin },
  );
  void handle(request, response);
});
// An idle connection is kept longer than clients and proxies keep theirs (commonly 60 s). With Node's
// 5 s default, a client sending its next request on a kept connection just as this server closed it
// got a reset (ECONNRESET) instead of an answer: seen on a POST in the end-to-end tests, 2026-12-07.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(env.PORT, env.GLOSSA_HOST);

function stop(): void {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, STOP_GRACE_MS).unref();
}
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
