import { describe, expect, it } from "vitest";
import { hashInviteToken, newInviteToken } from "@/lib/groups/invite-token";
import { inviteStatus } from "@/lib/groups/invite-status";
import { generateJoinCode, normalizeJoinCode } from "@/lib/groups/join-code";

describe("join codes", () => {
  it("look like XXX-XXXX in an alphabet without look-alikes", () => {
    for (let i = 0; i < 200; i++)
      expect(generateJoinCode()).toMatch(/^[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{4}$/);
  });

  it.each([
    ["k7m-4qx9", "K7M-4QX9"],
    [" K7M 4QX9 ", "K7M-4QX9"],
    ["k7m4qx9", "K7M-4QX9"],
    ["K7M-4QX", null],
    ["K7M-4QX90", null],
    ["O0I-1L00", null],
    ["", null],
  ])("normalizes %j to %j", (typed, expected) => {
    expect(normalizeJoinCode(typed)).toBe(expected);
  });
});

describe("invite tokens", () => {
  it("carry at least 128 random bits and are stored only as a SHA-256", () => {
    const { token, tokenHash } = newInviteToken();
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashInviteToken(token));
    expect(newInviteToken().token).not.toBe(token);
  });
});

describe("invite status", () => {
  const now = new Date("2026-10-01T12:00:00Z");
  const base = { expiresAt: new Date("2026-10-02T00:00:00Z"), revokedAt: null, uses: 0, maxUses: null };
  it.each([
    ["active", base],
    ["expired", { ...base, expiresAt: now }],
    ["revoked", { ...base, revokedAt: new Date("2026-09-30T00:00:00Z") }],
    ["usedUp", { ...base, uses: 3, maxUses: 3 }],
    ["active", { ...base, uses: 2, maxUses: 3 }],
  ] as const)("is %s for %j", (expected, invite) => {
    expect(inviteStatus(invite, now)).toBe(expected);
  });
});
