// ESLint 9 flat config. Run from the repository root:
//   eslint --config .config/eslint.config.mjs --max-warnings 0 .
//
// The file lives in .config/, so every config object gets the repository root as its `basePath`:
// `files` and `ignores` patterns then resolve against the root whatever the working directory or the
// ESLint version's rule for a `--config` file's base path (ESLint 9: the cwd; ESLint 10: the file's folder).
import path from "node:path";
import { fileURLToPath } from "node:url";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const configs = [
  {
    name: "glossa/ignores",
    ignores: [
      "node_modules/**",
      ".next/**",
      ".glossa/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    name: "glossa/rules",
    rules: {
      // An unused binding is a mistake or a leftover; `_name` marks one that must exist (a signature).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
];

const config = configs.map((entry) => ({ ...entry, basePath: repoRoot }));

export default config;
