import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientAddress, readerOrigin, UNKNOWN_CLIENT } from "@/lib/http/request-client";
import {
  applyTrustedHeaders,
  CLIENT_ADDRESS_HEADER,
  clientAddressOf,
  parseTrustedProxies,
  rateLimitAddress,
  READER_ORIGIN_HEADER,
  socketOrigin,
} from "@/lib/http/trusted-proxy";

const none = parseTrustedProxies(undefined);
const oneHop = parseTrustedProxies("1");
const proxyNet = parseTrustedProxies("10.0.0.0/8, 2001:db8::1");

describe("the client's address", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("203.0.113.7", undefined, none)).toBe("203.0.113.7");
    expect(clientAddressOf("203.0.113.7", "198.51.100.1", none)).toBe("203.0.113.7");
    expect(clientAddressOf("203.0.113.7", "198.51.100.1, 10.0.0.1", none)).toBe("203.0.113.7");
    expect(clientAddressOf("::ffff:203.0.113.7", undefined, none)).toBe("203.0.113.7");
  });

  it("behind one hop, is the entry the proxy appended, not what the client put before it", () => {
    expect(clientAddressOf("10.0.0.2", "203.0.113.7", oneHop)).toBe("203.0.113.7");
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    expect(clientAddressOf("10.0.0.2", "1.2.3.4, 203.0.113.7", oneHop)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.2", ["1.2.3.4", "203.0.113.7"], oneHop)).toBe("203.0.113.7");
    // No header (a request straight from the proxy host): the peer.
    expect(clientAddressOf("10.0.0.2", undefined, oneHop)).toBe("10.0.0.2");
  });

  it("with trusted addresses, walks from the right past trusted proxies only", () => {
    expect(clientAddressOf("10.0.0.2", "1.2.3.4, 203.0.113.7, 10.1.1.1", proxyNet)).toBe("203.0.113.7");
    expect(clientAddressOf("2001:db8::1", "203.0.113.7", proxyNet)).toBe("203.0.113.7");
    // A peer outside the trusted networks is the client, whatever it forwards.
    expect(clientAddressOf("198.51.100.9", "203.0.113.7", proxyNet)).toBe("198.51.100.9");
    // Everything trusted: the leftmost.
    expect(clientAddressOf("10.0.0.2", "10.0.0.3", proxyNet)).toBe("10.0.0.3");
  });

  it("never takes an entry that is not an IP address", () => {
    expect(clientAddressOf("10.0.0.2", "anything at all", oneHop)).toBe("10.0.0.2");
    expect(clientAddressOf("10.0.0.2", "1.2.3.4, <script>, 10.0.0.3", proxyNet)).toBe("10.0.0.3");
    expect(clientAddressOf("10.0.0.2", "[2001:db8::7]:4711", oneHop)).toBe("2001:db8::7");
    expect(clientAddressOf("10.0.0.2", "203.0.113.7:4711", oneHop)).toBe("203.0.113.7");
  });
});

describe("the address rate limits count", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:ffff::9", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["64:ff9b::192.0.2.1", "64:ff9b::192.0.2.1"],
  ])("for %s is %s", (address, key) => {
    expect(rateLimitAddress(address)).toBe(key);
  });

  it("is one for every address a client may pick in its IPv6 /64", () => {
    const headers = (peer: string) => {
      const list: Record<string, string | string[] | undefined> = {};
      applyTrustedHeaders(list, { peer, localAddress: "::1", localPort: 3000 }, { proxies: none });
      return list[CLIENT_ADDRESS_HEADER];
    };
    expect(headers("2001:db8:5:6::1")).toBe(headers("2001:db8:5:6:abcd:ef01:2345:6789"));
    expect(headers("2001:db8:5:7::1")).not.toBe(headers("2001:db8:5:6::1"));
  });
});

describe("GLOSSA_TRUSTED_PROXIES", () => {
  it.each(["", " ", "0", undefined])("%j trusts no proxy", (value) => {
    expect(parseTrustedProxies(value)).toEqual({ kind: "none" });
  });

  it.each(["proxy.local", "10.0.0.0/33", "10.0.0.1/8/2", "::1/129", "1.2.3", "-1"])("refuses %j", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(/not an IP address/u);
  });
});

describe("the headers the app reads", () => {
  const connection = { peer: "203.0.113.7", localAddress: "::ffff:192.168.1.5", localPort: 3000 };

  it("replace whatever a client sent under their names, and drop its forwarding headers", () => {
    const headers: Record<string, string | string[] | undefined> = {
      host: "evil.example",
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=1.2.3.4;host=evil.example",
      "x-real-ip": "1.2.3.4",
      [CLIENT_ADDRESS_HEADER]: "1.2.3.4",
      [READER_ORIGIN_HEADER]: "https://evil.example",
    };
    applyTrustedHeaders(headers, connection, { proxies: none });
    expect(headers).toEqual({
      host: "evil.example",
      [CLIENT_ADDRESS_HEADER]: "203.0.113.7",
      [READER_ORIGIN_HEADER]: "http://192.168.1.5:3000",
    });
    const read = new Headers(headers as Record<string, string>);
    expect(clientAddress(read)).toBe("203.0.113.7");
    expect(readerOrigin(read)).toBe("http://192.168.1.5:3000");
  });

  it("keep a trusted proxy's forwarding headers, and name the public address when it is set", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "1.2.3.4, 198.51.100.20",
      "x-forwarded-proto": "https",
    };
    applyTrustedHeaders(
      headers,
      { ...connection, peer: "10.0.0.2" },
      { proxies: proxyNet, publicOrigin: "https://glossa.example" },
    );
    expect(headers).toMatchObject({
      "x-forwarded-proto": "https",
      [CLIENT_ADDRESS_HEADER]: "198.51.100.20",
      [READER_ORIGIN_HEADER]: "https://glossa.example",
    });
  });

  it("outside Glossa's server, give one shared address and no origin", () => {
    const forged = new Headers({ "x-forwarded-for": "1.2.3.4", host: "evil.example" });
    expect(clientAddress(forged)).toBe(UNKNOWN_CLIENT);
    expect(readerOrigin(forged)).toBeUndefined();
  });

  it("spell an IPv6 socket in brackets", () => {
    expect(socketOrigin("::1", 3000)).toBe("http://[::1]:3000");
    expect(socketOrigin("127.0.0.1", 8080)).toBe("http://127.0.0.1:8080");
  });
});

describe("the forwarded client address header", () => {
  /** Every source file under `dir` (relative to the repository root), skipping dependencies and builds. */
  const sourcesUnder = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.(?:[cm]?[jt]sx?)$/u.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name));

  it("is named and read by lib/http/trusted-proxy.ts alone, so no other module comes to trust it", () => {
    const files = [...sourcesUnder("lib"), ...sourcesUnder("app"), "proxy.ts"];
    const naming = files.filter(
      (file) =>
        file !== path.join("lib", "http", "trusted-proxy.ts") &&
        /x-forwarded-for/iu.test(readFileSync(file, "utf8")),
    );
    expect(naming).toEqual([]);
  });
});
