import "server-only";
import type { NextAuthConfig } from "next-auth";
import { currentSessionVersion } from "./session-version.ts";

declare module "next-auth" {
  interface Session {
    /** The user's session version when this session was made (see session-version.ts). */
    sessionVersion?: number;
  }
}

/**
 * Auth.js callbacks for JWT sessions: at sign-in the token gets the user's id and current session
 * version; the session handed to the app carries both, and getCurrentUser checks the version against
 * the user's row on every request.
 */
export const sessionCallbacks = {
  async jwt({ token, user }) {
    if (user?.id) {
      token.sub = user.id;
      token.sessionVersion = await currentSessionVersion(user.id);
    }
    return token;
  },
  session({ session, token }) {
    if (token.sub) session.user.id = token.sub;
    if (typeof token.sessionVersion === "number") session.sessionVersion = token.sessionVersion;
    return session;
  },
} satisfies NextAuthConfig["callbacks"];
