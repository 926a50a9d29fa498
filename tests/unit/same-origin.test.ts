import { describe, expect, it } from "vitest";
import { isSameOrigin, visitorOrigin } from "../../lib/http/same-origin";

const URL_ = "http://localhost:3000/api/annotations";

describe("the one same-origin rule", () => {
  it.each([
    ["no Origin, no Sec-Fetch-Site (a script, an old browser)", {}, true],
    ["Sec-Fetch-Site same-origin", { "sec-fetch-site": "same-origin" }, true],
    ["Sec-Fetch-Site none (typed in)", { "sec-fetch-site": "none" }, true],
    ["Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site" }, false],
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }, false],
    ["the Host's own origin", { host: "glossa.example", origin: "http://glossa.example" }, true],
    ["another host", { host: "glossa.example", origin: "http://evil.example" }, false],
    [
      "the same host over another scheme",
      { host: "glossa.example", origin: "https://glossa.example" },
      false,
    ],
    ["another port", { host: "glossa.example", origin: "http://glossa.example:8080" }, false],
    [
      "the proxy's forwarded host and scheme",
      {
        host: "127.0.0.1:3000",
        "x-forwarded-host": "glossa.example",
        "x-forwarded-proto": "https",
        origin: "https://glossa.example",
      },
      true,
    ],
    [
      "http from a page the proxy serves over https",
      { host: "glossa.example", "x-forwarded-proto": "https", origin: "http://glossa.example" },
      false,
    ],
    ["the opaque origin null", { host: "glossa.example", origin: "null" }, false],
    ["an Origin that is not a URL", { host: "glossa.example", origin: "%%" }, false],
  ])("%s", (_case, headers, expected) => {
    expect(isSameOrigin(new Headers(headers as Record<string, string>), URL_)).toBe(expected);
  });

  it("takes the visitor's origin from the proxy's headers, else Host and the request's scheme", () => {
    expect(visitorOrigin(new Headers({ host: "a.example", "x-forwarded-proto": "https, http" }), URL_)).toBe(
      "https://a.example",
    );
    expect(visitorOrigin(new Headers({ host: "127.0.0.1:3000" }), URL_)).toBe("http://127.0.0.1:3000");
    expect(visitorOrigin(new Headers(), URL_)).toBe("http://localhost:3000");
    expect(visitorOrigin(new Headers())).toBeUndefined();
  });
});
