import { describe, expect, it } from "vitest";
import { hasSessionCookie, hasSignedInHint } from "@/app/_lib/signed-in-hint";

describe("the signed-in hint", () => {
  it.each([
    [["authjs.session-token"], true],
    [["__Secure-authjs.session-token"], true],
    [["authjs.session-token.0", "authjs.session-token.1"], true],
    [["NEXT_LOCALE", "authjs.csrf-token", "authjs.callback-url"], false],
    [["glossa-signed-in"], false],
    [["xauthjs.session-token"], false],
    [[], false],
  ])("a request with the cookies %j has a session cookie: %s", (names, expected) => {
    expect(hasSessionCookie(names)).toBe(expected);
  });

  it.each([
    ["glossa-signed-in=1", true],
    ["NEXT_LOCALE=en; glossa-signed-in=1", true],
    ["NEXT_LOCALE=en", false],
    ["not-glossa-signed-in=1", false],
    ["", false],
  ])("document.cookie %j carries the hint: %s", (cookie, expected) => {
    expect(hasSignedInHint(cookie)).toBe(expected);
  });
});
