import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against a production build served by `npm start`. With E2E_DATABASE_URL set
 * (`npm test` sets it to a fresh database when DATABASE_URL points at a server) the app uses that
 * PostgreSQL; otherwise it runs on the embedded default with a fresh, empty data directory.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
// Set once in the main process; workers inherit it instead of making directories of their own.
process.env.GLOSSA_E2E_DATA_DIR ??= path.join(mkdtempSync(path.join(tmpdir(), "glossa-e2e-")), "data");
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
    reuseExistingServer: !process.env.CI && !process.env.E2E_FRESH_SERVER,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      PORT: String(port),
      GLOSSA_HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      GLOSSA_DATA_DIR: process.env.GLOSSA_E2E_DATA_DIR,
    },
  },
});
