import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./support/e2e-services.ts";
import { OIDC_CLIENT } from "./support/oidc-test-provider.ts";

/**
 * End-to-end tests against a production build served by `npm start`. With E2E_DATABASE_URL set
 * (`npm test` sets it to a fresh database when DATABASE_URL points at a server) the app uses that
 * PostgreSQL; otherwise it runs on the embedded default with a fresh, empty data directory. The
 * optional sign-in paths are on, against a real OpenID Connect provider and SMTP server that
 * support/global-setup.ts starts. The app, the provider and the SMTP server listen on ports picked free
 * for the run (support/e2e-services.ts); E2E_PORT names the app's port instead.
 */
const port = E2E.appPort;
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: ".",
  outputDir: "../../test-results/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  globalSetup: "./support/global-setup.ts",
  reporter: [["list"], ["json", { outputFile: "../../test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    locale: "pl-PL",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: existsSync(chromium) ? chromium : undefined,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npm start",
    cwd: "../..",
    url: `http://127.0.0.1:${port}/pl`,
    timeout: 600_000,
    // Only a server on a port asked for by name can be this app: a free-picked port has nothing on it.
    reuseExistingServer: E2E.portRequested && !process.env.CI && !process.env.E2E_FRESH_SERVER,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      PORT: String(port),
      GLOSSA_HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      GLOSSA_DATA_DIR: E2E.dataDir!,
      GLOSSA_PUBLIC_URL: E2E.appOrigin,
      AUTH_OIDC_ISSUER: `http://127.0.0.1:${E2E.oidcPort}`,
      AUTH_OIDC_ID: OIDC_CLIENT.id,
      AUTH_OIDC_SECRET: OIDC_CLIENT.secret,
      AUTH_OIDC_NAME: "Test University",
      SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}?ignoreTLS=true`,
      EMAIL_FROM: "Glossa <glossa@example.org>",
      // Every journey signs its people up from this one address.
      SIGN_UPS_PER_ADDRESS_PER_HOUR: "10000",
    },
  },
});
