import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Made once in the main process (the config is loaded first there); workers inherit the variables.
process.env.GLOSSA_E2E_DATA_DIR ??= path.join(mkdtempSync(path.join(tmpdir(), "glossa-e2e-")), "data");
process.env.GLOSSA_E2E_MAILBOX ??= mkdtempSync(path.join(tmpdir(), "glossa-e2e-mail-"));

const appPort = Number(process.env.E2E_PORT ?? 3100);

/** Where the end-to-end run's app and its helper services listen. */
export const E2E = {
  appPort,
  appOrigin: `http://127.0.0.1:${appPort}`,
  oidcPort: appPort + 5,
  smtpPort: appPort + 6,
  dataDir: process.env.GLOSSA_E2E_DATA_DIR,
  mailboxDir: process.env.GLOSSA_E2E_MAILBOX,
};
