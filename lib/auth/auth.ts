import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import Nodemailer from "next-auth/providers/nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { onPublicAddress } from "@/lib/http/public-url";
import { clientAddress } from "./client-address.ts";
import { sessionCallbacks } from "./session-callbacks.ts";
import { verifyCredentials } from "./verify-credentials.ts";

/** Thrown to the sign-in form when the limit is reached; its code carries the minutes to wait. */
class SignInRateLimited extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `rate_limited:${Math.ceil(retryAfterSeconds / 60)}`;
  }
}

/** Auth.js's Prisma adapter, with emails lower-cased and a name for provider accounts that lack one. */
function glossaAdapter(): Adapter {
  const base = PrismaAdapter(db);
  return {
    ...base,
    createUser: ({ id: _id, ...user }) =>
      base.createUser!({
        ...user,
        id: crypto.randomUUID(),
        email: user.email.toLowerCase(),
        name: user.name?.trim() || user.email.split("@")[0]!,
      }),
    getUserByEmail: (email) => base.getUserByEmail!(email.toLowerCase()),
  };
}

/**
 * Sign-in links by email. Auth.js builds the link from the request's Host header; it is sent on the
 * public address instead (GLOSSA_PUBLIC_URL, else the listening address), so a request with a forged
 * Host cannot mail someone a link that hands their token to another site.
 */
function emailSignIn(server: string) {
  const { sendVerificationRequest: send } = Nodemailer({ server, from: env.EMAIL_FROM });
  return Nodemailer({
    server,
    from: env.EMAIL_FROM,
    sendVerificationRequest: (params) => send({ ...params, url: onPublicAddress(params.url) }),
  });
}

function providers(): NextAuthConfig["providers"] {
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await verifyCredentials(credentials, clientAddress(request.headers));
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new SignInRateLimited(result.retryAfterSeconds);
        return null;
      },
    }),
  ];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    list.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    list.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    list.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      // Internal issuers (a local Keycloak, the test provider) may speak plain HTTP.
      checks: ["pkce", "state"],
      // Read the profile from the userinfo endpoint: a conforming provider may put in the ID token only
      // the claims it must, and leave email and name (asked for by scope) to userinfo.
      idToken: false,
    });
  }
  if (env.SMTP_URL) list.push(emailSignIn(env.SMTP_URL));
  return list;
}

/** Which optional sign-in methods are on, for the sign-in page. */
export function enabledSignInMethods() {
  return {
    github: Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET),
    google: Boolean(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET),
    oidc: env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET ? env.AUTH_OIDC_NAME : null,
    email: Boolean(env.SMTP_URL),
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: glossaAdapter(),
  // Credentials sign-in needs JWT sessions; the user's row (membership, roles, the session version
  // that signing out and a new password raise) is still read on every request, so removing a member,
  // signing out and changing a password take effect at once.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  secret: env.AUTH_SECRET,
  trustHost: true,
  providers: providers(),
  pages: { signIn: "/sign-in", error: "/sign-in", verifyRequest: "/sign-in/check-email" },
  callbacks: sessionCallbacks,
});
