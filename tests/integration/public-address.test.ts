/**
 * The address in what Glossa gives out for a passage (the citation's permalink, its text-fragment
 * link, the BibTeX / RIS / CSL-JSON exports) is the instance's public address: GLOSSA_PUBLIC_URL, else
 * the address the reader's connection reached; never a Host or X-Forwarded-Host header a client sent.
 * Requests go through the same header rewrite as Glossa's server (lib/cli/serve.ts).
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postCitation } from "@/app/api/citations/route";
import type { Actor } from "@/lib/auth/policy";
import type { PassageCitation } from "@/lib/citations/cite-passage";
import { applyTrustedHeaders, parseTrustedProxies } from "@/lib/http/trusted-proxy";
import { importedEdition, type TestEdition } from "../support/annotation-factories";
import { uniqueKey } from "../support/factories";

vi.mock("@/lib/auth/get-current-user", () => ({ getActor: () => Promise.resolve(null as Actor) }));

let edition: TestEdition;
beforeAll(async () => {
  edition = await importedEdition("kuty-directive");
});

/** Headers a client may send to make links point at its own site. */
const FORGED = {
  host: "evil.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  forwarded: "host=evil.example;proto=https",
};

/**
 * POST /api/citations as it reaches the app from a client that connected to `local` (the server's
 * address on that connection), sending the forged headers.
 */
async function cite(
  local: { address: string; port: number },
  publicOrigin?: string,
): Promise<PassageCitation> {
  const start = edition.text.indexOf("Z bolszewikami nie walczyć");
  const headers: Record<string, string | string[] | undefined> = {
    ...FORGED,
    "content-type": "application/json",
    "sec-fetch-site": "same-origin",
  };
  applyTrustedHeaders(
    headers,
    { peer: `203.0.113.${uniqueKey()}`, localAddress: local.address, localPort: local.port },
    { proxies: parseTrustedProxies(undefined), publicOrigin },
  );
  // Next gives a route handler a URL on its own idea of the host ("localhost"), whatever was reached.
  const response = await postCitation(
    new Request(`http://localhost:${local.port}/api/citations?locale=en`, {
      method: "POST",
      headers: headers as Record<string, string>,
      body: JSON.stringify({
        source: "kuty-directive",
        editionNumber: edition.number,
        start,
        end: start + 26,
      }),
    }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as PassageCitation;
}

/** Every absolute URL anywhere in the citation (styles, exports, links). */
const urlsIn = (citation: PassageCitation) =>
  JSON.stringify(citation).match(/https?:\/\/[^\s"\\}<>,]+/gu) ?? [];

function expectAllOn(citation: PassageCitation, origin: string): void {
  expect(citation.permalink.url).toBe(`${origin}/en/p/${citation.permalink.id}`);
  expect(citation.textFragmentUrl.startsWith(`${origin}/en/sources/kuty-directive#:~:text=`)).toBe(true);
  expect(citation.exports.bibtex).toContain(`${origin}/en/p/${citation.permalink.id}`);
  expect(citation.exports.ris).toContain(`${origin}/en/p/${citation.permalink.id}`);
  expect(JSON.parse(citation.exports.cslJson)).toMatchObject([
    { URL: `${origin}/en/p/${citation.permalink.id}` },
  ]);
  const urls = urlsIn(citation);
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) expect(url.startsWith(`${origin}/`)).toBe(true);
  expect(JSON.stringify(citation)).not.toContain("evil.example");
}

describe("links in a citation, its exports and its permalink", () => {
  it("name the address the reader reached, not the Host header nor localhost", async () => {
    expectAllOn(await cite({ address: "::ffff:192.168.1.5", port: 3000 }), "http://192.168.1.5:3000");
    expectAllOn(await cite({ address: "10.20.30.40", port: 8080 }), "http://10.20.30.40:8080");
  });

  it("name GLOSSA_PUBLIC_URL when it is set", async () => {
    expectAllOn(
      await cite({ address: "10.0.0.5", port: 3000 }, "https://glossa.example.edu"),
      "https://glossa.example.edu",
    );
  });
});
