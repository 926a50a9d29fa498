import { describe, expect, it } from "vitest";
import { onPublicAddress, publicUrl } from "@/lib/http/public-url";

describe("links sent by email", () => {
  const site = new URL(publicUrl("/")).origin;

  it("go to the public address whatever Host the request that made them named", () => {
    const forged =
      "https://evil.example/api/auth/callback/nodemailer?callbackUrl=https%3A%2F%2Fevil.example%2Fen%2Fgroups&token=abc123&email=ada%40example.test";
    const link = new URL(onPublicAddress(forged));
    expect(link.origin).toBe(site);
    expect(link.pathname).toBe("/api/auth/callback/nodemailer");
    expect(link.searchParams.get("token")).toBe("abc123");
    expect(link.searchParams.get("email")).toBe("ada@example.test");
    expect(link.searchParams.get("callbackUrl")).toBe(`${site}/en/groups`);
  });

  it("leave a callback on another site as it is (Auth.js refuses it anyway)", () => {
    const link = new URL(
      onPublicAddress(
        `${site}/api/auth/callback/nodemailer?callbackUrl=https%3A%2F%2Fother.example%2F&token=t`,
      ),
    );
    expect(link.searchParams.get("callbackUrl")).toBe("https://other.example/");
  });
});
