import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePorts } from "../../support/free-ports.ts";

// Chosen once, in the main process (it loads the config first); workers inherit the variables, so
// every process of a run agrees on them. E2E_PORT names the app's port (the OpenID Connect provider
// and the SMTP server then take the 5th and 6th above it, so a server kept from an earlier run with
// the same E2E_PORT still matches them); without it all three are ports nothing listens on.
if (!process.env.GLOSSA_E2E_APP_PORT) {
  const requested = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : null;
  if (requested !== null && !(Number.isInteger(requested) && requested > 0 && requested < 65530)) {
    throw new Error(`E2E_PORT must be a port number, not "${process.env.E2E_PORT}"`);
  }
  const [app, oidc, smtp] = requested ? [requested, requested + 5, requested + 6] : await freePorts(3);
  process.env.GLOSSA_E2E_APP_PORT = String(app);
  process.env.GLOSSA_E2E_OIDC_PORT = String(oidc);
  process.env.GLOSSA_E2E_SMTP_PORT = String(smtp);
}
process.env.GLOSSA_E2E_DATA_DIR ??= path.join(mkdtempSync(path.join(tmpdir(), "glossa-e2e-")), "data");
process.env.GLOSSA_E2E_MAILBOX ??= mkdtempSync(path.join(tmpdir(), "glossa-e2e-mail-"));

const appPort = Number(process.env.GLOSSA_E2E_APP_PORT);

/** Where the end-to-end run's app and its helper services listen. */
export const E2E = {
  appPort,
  appOrigin: `http://127.0.0.1:${appPort}`,
  oidcPort: Number(process.env.GLOSSA_E2E_OIDC_PORT),
  smtpPort: Number(process.env.GLOSSA_E2E_SMTP_PORT),
  /** Whether the port was chosen by E2E_PORT (a server already there may be reused). */
  portRequested: Boolean(process.env.E2E_PORT),
  dataDir: process.env.GLOSSA_E2E_DATA_DIR,
  mailboxDir: process.env.GLOSSA_E2E_MAILBOX,
};
