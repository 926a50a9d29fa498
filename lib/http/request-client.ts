import { CLIENT_ADDRESS_HEADER, READER_ORIGIN_HEADER } from "./trusted-proxy.ts";

/**
 * Stands for the client's address when a request did not come through Glossa's server (`next dev`,
 * a test calling a handler): every such caller shares it.
 */
export const UNKNOWN_CLIENT = "unknown";

/**
 * The caller's address for rate limits, as Glossa's server (lib/cli/serve.ts) found it: the TCP peer,
 * or the client a trusted proxy (GLOSSA_TRUSTED_PROXIES) reported. No header a client sends is read
 * here: the server replaces this one on every request.
 */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || UNKNOWN_CLIENT;
}

/**
 * The origin the reader reached the app on (GLOSSA_PUBLIC_URL when set, else the server's address
 * on the connection), for links shown to them; undefined outside Glossa's server. Never the Host
 * header: a client sets that.
 */
export function readerOrigin(headers: Headers): string | undefined {
  return headers.get(READER_ORIGIN_HEADER)?.trim() || undefined;
}
