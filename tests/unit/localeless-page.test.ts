import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isLocalelessPage, UNLOCALIZED_ROUTES } from "@/lib/i18n/localeless-page";

describe("isLocalelessPage", () => {
  it.each([
    "/",
    "/join",
    "/join/a-token",
    "/check",
    "/groups",
    "/groups/abc",
    "/sign-up",
    "/sign-in",
    "/sign-in/check-email",
    "/account",
    "/sources/kuty-directive/3",
    "/compare",
    "/p/AbCdEfGhIj",
    "/no-such-page",
    "/xx/sources/kuty-directive",
    "/english",
  ])("%s names a page without its language", (path) => {
    expect(isLocalelessPage(path)).toBe(true);
  });

  it.each([
    "/pl",
    "/en",
    "/en/join",
    "/pl/sources/kuty-directive/3",
    "/api/me",
    "/api",
    "/locale",
    "/sign-out",
    "/_next/static/chunks/x.js",
  ])("%s is left alone", (path) => {
    expect(isLocalelessPage(path)).toBe(false);
  });

  it("knows every route of app/ outside the locale", () => {
    // Folders of app/ that are routes: not `[locale]`, not private (`_x`), not a route group, and
    // with a route or page in them (app/fonts only holds font files).
    const routes = readdirSync("app", { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !/^[[_(]/u.test(entry.name))
      .map((entry) => entry.name)
      .filter((name) =>
        readdirSync(`app/${name}`, { recursive: true }).some((file) =>
          /(^|\/)(route|page)\.tsx?$/u.test(String(file)),
        ),
      )
      .sort();
    expect(routes).toEqual([...UNLOCALIZED_ROUTES].sort());
  });
});
