import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

/** The prefix of every personal access token, so that a leaked one is recognised (by scanners too). */
export const ACCESS_TOKEN_PREFIX = "glossa_pat_";

/** Random bytes in a token: 256 bits, beyond guessing, so a fast hash (SHA-256) is enough to store it. */
export const ACCESS_TOKEN_BYTES = 32;

/** Tokens one person may hold unrevoked at once: plenty for their tools, a bound on the list. */
export const MAX_ACTIVE_TOKENS = 20;

export const MAX_TOKEN_NAME_LENGTH = 80;

/** What a token may do: read only (GET), or read and write (POST, PUT, DELETE) on the protocol endpoints. */
export const ACCESS_TOKEN_SCOPES = ["read", "read-write"] as const;
export type AccessTokenScopeName = (typeof ACCESS_TOKEN_SCOPES)[number];

export const CreateAccessTokenSchema = z.object(
  {
    name: text("tokenNameRequired")
      .trim()
      .min(1, { error: "tokenNameRequired" })
      .max(MAX_TOKEN_NAME_LENGTH, { error: "tokenNameTooLong" }),
    scope: z.enum(ACCESS_TOKEN_SCOPES, { error: "tokenScopeInvalid" }),
  },
  { error: "invalidRequest" },
);

export const RevokeAccessTokenSchema = z.object(
  { id: text("tokenNotFound").min(1, { error: "tokenNotFound" }).max(64, { error: "tokenNotFound" }) },
  { error: "invalidRequest" },
);
