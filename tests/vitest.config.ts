import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The repository root: this file lives in tests/, and every path in a test is relative to the root. */
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root: repoRoot,
  resolve: {
    alias: [
      { find: /^@\//, replacement: repoRoot },
      // Server modules start with `import "server-only"`, which throws outside a React Server Component
      // bundle; its empty entry lets tests import them.
      // (A file path: the package's `exports` do not let "server-only/empty.js" be imported by name.)
      { find: /^server-only$/, replacement: `${repoRoot}node_modules/server-only/empty.js` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "dom",
          include: ["tests/dom/**/*.test.ts"],
          // The reader's browser code (selections, the page's inline script) against a DOM: happy-dom,
          // on a page address of its own so that `document.cookie` works.
          environment: "happy-dom",
          environmentOptions: { happyDOM: { url: "http://localhost:3000/en/sources/test" } },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
          environment: "node",
          // A real PostgreSQL (or an embedded one, 3–6 s to start) and migrations per schema: slower than
          // unit tests, and files share one server, so they run one at a time.
          testTimeout: 30_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // App instances for real (`npm start` on the build): run by `npm test` after the end-to-end
          // tests, which make sure the build is there; not part of a plain `vitest run`.
          name: "instances",
          include: ["tests/instances/**/*.test.ts"],
          environment: "node",
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
