import type { Server } from "node:http";
import Provider from "oidc-provider";

/** The OpenID Connect client the app is configured with in end-to-end tests. */
export const OIDC_CLIENT = { id: "glossa-e2e", secret: "glossa-e2e-secret-not-for-production" };

/** Accounts the test provider knows: its built-in login form accepts any of these logins. */
export const OIDC_ACCOUNTS: Record<string, { email: string; name: string }> = {
  "zofia.nowak": { email: "zofia.nowak@uni.example.org", name: "Zofia Nowak" },
};

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1:`port`, with its
 * development login and consent pages, for the app's generic OIDC sign-in to run against.
 */
export async function startOidcTestProvider(port: number, appOrigin: string): Promise<() => Promise<void>> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [`${appOrigin}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    scopes: ["openid", "email", "profile"],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = OIDC_ACCOUNTS[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: account.email, email_verified: true, name: account.name };
        },
      };
    },
  });
  const server: Server = provider.listen(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return () => new Promise((resolve) => server.close(() => resolve()));
}
