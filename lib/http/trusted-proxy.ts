import { BlockList, isIP } from "node:net";

/**
 * Who a request comes from, decided once per request by the app's own HTTP server (lib/cli/serve.ts)
 * from the TCP connection, and handed to the app in headers a client cannot forge: the server deletes
 * any incoming header of these names before it sets them. This is the one place that reads
 * forwarding headers (X-Forwarded-For/-Host/-Proto, Forwarded, X-Real-IP); the app reads only
 * CLIENT_ADDRESS_HEADER and READER_ORIGIN_HEADER (lib/http/request-client.ts).
 */
export const CLIENT_ADDRESS_HEADER = "x-glossa-client-address";
/** The origin (scheme, host, port) the reader reached this server on, for links shown to them. */
export const READER_ORIGIN_HEADER = "x-glossa-reader-origin";

/** Headers a proxy sets to describe the client; from anyone but a trusted proxy they are dropped. */
const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
];

/**
 * Which peers may say who the client is (GLOSSA_TRUSTED_PROXIES): none; the number of proxies in
 * front of the app (each appends the address it saw to X-Forwarded-For, so the client is that many
 * entries from the right); or the proxies' own addresses and networks.
 */
export type TrustedProxies =
  { kind: "none" } | { kind: "hops"; count: number } | { kind: "addresses"; list: BlockList };

/**
 * Parses GLOSSA_TRUSTED_PROXIES: unset or empty for none, a whole number of hops ("1" behind one
 * reverse proxy), or a comma-separated list of IP addresses and CIDR networks ("10.0.0.0/8, ::1").
 * Throws with the offending entry for anything else.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/u.test(text)) return { kind: "hops", count: Number(text) };
  const list = new BlockList();
  for (const entry of text.split(",").map((e) => e.trim())) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const type = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const max = type === 6 ? 128 : 32;
    if (
      type === 0 ||
      rest.length > 0 ||
      (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= max))
    ) {
      throw new Error(`not an IP address, CIDR network or number of hops: "${entry}"`);
    }
    const family = type === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, bits, family);
  }
  return { kind: "addresses", list };
}

/** An address as one spelling: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as plain IPv4, lower case. */
export function normalizeAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/u.exec(lower);
  return mapped ? mapped[1]! : lower;
}

function isTrusted(proxies: TrustedProxies, address: string): boolean {
  if (proxies.kind !== "addresses") return false;
  const type = isIP(address);
  return type !== 0 && proxies.list.check(address, type === 6 ? "ipv6" : "ipv4");
}

/** The X-Forwarded-For entries, left to right, each one address (a bracketed or port-suffixed one unwrapped). */
function forwardedFor(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(",") : (header ?? "");
  return joined
    .split(",")
    .map((entry) =>
      normalizeAddress(
        entry.replace(/^\[([^\]]+)\](?::\d+)?$/u, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/u, "$1"),
      ),
    )
    .filter((entry) => entry !== "");
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy; then the X-Forwarded-For
 * chain is read from the right (each trusted proxy appends the address it saw), past `count` hops or
 * past every trusted address, to the first entry no trusted proxy vouches for. An entry that is not an
 * IP address ends the walk at the hop that reported it, so garbage never becomes a rate-limit key.
 */
export function clientAddressOf(
  peer: string,
  forwarded: string | string[] | undefined,
  proxies: TrustedProxies,
): string {
  const chain = [...forwardedFor(forwarded), normalizeAddress(peer)];
  let index = chain.length - 1;
  const stepsLeft = () => (proxies.kind === "hops" ? proxies.count - (chain.length - 1 - index) : 0);
  while (index > 0 && (proxies.kind === "hops" ? stepsLeft() > 0 : isTrusted(proxies, chain[index]!))) {
    if (isIP(chain[index - 1]!) === 0) break;
    index -= 1;
  }
  return chain[index]!;
}

/** The full eight groups of an IPv6 address ("2001:db8::1" → 2001, db8, 0, …, 1), or null. */
function ipv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6 || address.includes(".")) return null;
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
  return groups.length === 8 ? groups.map((g) => parseInt(g, 16)) : null;
}

/**
 * The key a client is counted under in rate limits: its IPv4 address, or its IPv6 /64 network (one
 * household or device is given a whole /64 and can pick any address in it, so counting single
 * addresses would let it start afresh at will).
 */
export function rateLimitAddress(address: string): string {
  const groups = ipv6Groups(address);
  if (!groups) return address;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** Whether the request's TCP peer is a proxy that GLOSSA_TRUSTED_PROXIES trusts. */
export function isTrustedPeer(peer: string, proxies: TrustedProxies): boolean {
  return proxies.kind === "hops" ? proxies.count > 0 : isTrusted(proxies, normalizeAddress(peer));
}

/** The origin of a local socket address, as the reader reached it: `http://10.0.0.5:3000`, `http://[::1]:3000`. */
export function socketOrigin(localAddress: string, localPort: number): string {
  const host = normalizeAddress(localAddress);
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${localPort}`;
}

/**
 * Rewrites an incoming request's headers (in place) for the app: drops this server's own headers
 * whatever their sender, drops forwarding headers unless the peer is a trusted proxy, and sets the
 * client's address (an IPv6 client's /64, see rateLimitAddress) and the origin for links (`publicOrigin`, else the socket the reader reached).
 */
export function applyTrustedHeaders(
  headers: Record<string, string | string[] | undefined>,
  connection: { peer: string; localAddress: string; localPort: number },
  options: { proxies: TrustedProxies; publicOrigin?: string },
): void {
  const address = rateLimitAddress(
    clientAddressOf(connection.peer, headers["x-forwarded-for"], options.proxies),
  );
  delete headers[CLIENT_ADDRESS_HEADER];
  delete headers[READER_ORIGIN_HEADER];
  if (!isTrustedPeer(connection.peer, options.proxies)) {
    for (const name of FORWARDING_HEADERS) delete headers[name];
  }
  headers[CLIENT_ADDRESS_HEADER] = address;
  headers[READER_ORIGIN_HEADER] =
    options.publicOrigin ?? socketOrigin(connection.localAddress, connection.localPort);
}
