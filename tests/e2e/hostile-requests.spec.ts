import { expect, test } from "./fixtures";

/** The headers every answer carries (lib/http/security-headers.js). */
const SECURITY_HEADERS = [
  "content-security-policy",
  "x-frame-options",
  "referrer-policy",
  "x-content-type-options",
  "permissions-policy",
];

const BAD_ADDRESS = {
  en: { title: "This address cannot be read", back: "Back to the source library" },
  pl: { title: "Tego adresu nie da się odczytać", back: "Wróć do biblioteki źródeł" },
} as const;

test.describe("an address with a broken character code", () => {
  for (const { path, locale } of [
    { path: "/en/%ff", locale: "en" },
    { path: "/en/sources/kuty-directive/%E0%A4%A", locale: "en" },
    { path: "/pl/sources/%ff", locale: "pl" },
    { path: "/%ff", locale: "pl" },
  ] as const) {
    test(`${path} answers 400 with a page in ${locale}, a way back and the security headers`, async ({
      page,
      browserErrors,
    }) => {
      // The page's own answer is the 400 this test asks for.
      browserErrors.expect({ status: 400 });
      const response = await page.goto(path);
      expect(response?.status()).toBe(400);
      const headers = response!.headers();
      for (const name of SECURITY_HEADERS) expect(headers[name], name).toBeTruthy();
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");

      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1, name: BAD_ADDRESS[locale].title })).toBeVisible();
      await expect(page.getByRole("link", { name: BAD_ADDRESS[locale].back })).toHaveAttribute(
        "href",
        `/${locale}`,
      );
    });
  }
});

test.describe("a server action posted from another site", () => {
  test("is refused with 403 and a message, not a server error", async ({ request }) => {
    const response = await request.post("/en/groups", {
      headers: {
        Origin: "https://elsewhere.example",
        "Next-Action": "0".repeat(42),
        "Content-Type": "text/plain;charset=UTF-8",
      },
      data: "[]",
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(await response.json()).toMatchObject({
      error: { code: "FORBIDDEN", message: "crossSiteRequest" },
    });
  });

  test("from this site's own address with another scheme is refused too", async ({ request, baseURL }) => {
    const response = await request.post("/en/groups", {
      headers: {
        Origin: baseURL!.replace(/^http:/u, "https:"),
        "Next-Action": "0".repeat(42),
        "Content-Type": "text/plain;charset=UTF-8",
      },
      data: "[]",
    });
    expect(response.status()).toBe(403);
  });
});

test.describe("assignment pages and endpoints", () => {
  test("a server action posted to an assignment page from another site is refused with 403", async ({
    request,
  }) => {
    for (const path of ["/en/groups/x/assignments/new", "/en/assignments/x"]) {
      const response = await request.post(path, {
        headers: {
          Origin: "https://elsewhere.example",
          "Next-Action": "0".repeat(42),
          "Content-Type": "text/plain;charset=UTF-8",
        },
        data: "[]",
      });
      expect(response.status(), path).toBe(403);
    }
  });

  test("the CSV and the reader's assignments answer anonymous and malformed requests with a 4xx, never a 5xx", async ({
    request,
  }) => {
    for (const path of [
      "/api/assignments/%00/progress",
      "/api/assignments/x/progress",
      "/api/sources/%ff/assignments",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBeLessThan(500);
      expect(response.status(), path).toBeGreaterThanOrEqual(400);
    }
    expect((await request.get("/api/sources/soviet-note/assignments")).status()).toBe(401);
  });

  test("the exports and an annotation's JSON-LD answer anonymous and malformed requests with a 4xx, never a 5xx", async ({
    request,
  }) => {
    for (const path of [
      "/api/exports/mine",
      "/api/exports/mine?format=%00",
      "/api/exports/groups/%00",
      "/api/exports/groups/x?format=xml&page=2",
      "/api/exports/assignments/%ff",
      "/api/annotations/%00/jsonld",
      "/api/annotations/x/jsonld?locale=%ff",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBeLessThan(500);
      expect(response.status(), path).toBeGreaterThanOrEqual(400);
    }
  });
});
