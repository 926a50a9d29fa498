import { E2E } from "./e2e-services.ts";
import { startOidcTestProvider } from "./oidc-test-provider.ts";
import { startSmtpTestMailbox } from "./smtp-test-mailbox.ts";

/**
 * Starts the services the optional sign-in paths talk to, for real: an OpenID Connect provider and an
 * SMTP server whose mailbox tests read. The app is configured for both (playwright.config.ts).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const stopOidc = await startOidcTestProvider(E2E.oidcPort, E2E.appOrigin);
  const stopSmtp = await startSmtpTestMailbox(E2E.smtpPort, E2E.mailboxDir);
  return async () => {
    await Promise.all([stopOidc(), stopSmtp()]);
  };
}
