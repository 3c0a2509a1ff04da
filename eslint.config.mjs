import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Layers: scripts/ (commands, demo data) and e2e/ sit above lib/, app/, components/ and prisma/; nothing below
// reaches up into them.
const ABOVE = ["**/scripts/**", "**/e2e/**"];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    // Components only present: no database, no server-only use cases.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/*.server", "**/generated/prisma/**", "@prisma/*", "next-auth", "next-auth/*", ...ABOVE] },
      ],
    },
  },
  {
    // Pure rules in lib/ never reach up into use cases or frameworks.
    files: ["lib/**/*.ts"],
    ignores: ["lib/**/*.server.ts", "lib/runtime/**", "lib/testing/**", "lib/**/*.test.ts", "lib/generated/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/*.server", "**/generated/prisma/**", "@prisma/*", "next", "next/*", "next-auth", "react", ...ABOVE] },
      ],
    },
  },
  {
    // The rest of lib/, app/ and prisma/: only the layer rule (the two blocks above carry it for their files).
    files: ["lib/**/*.server.ts", "lib/runtime/**", "lib/testing/**", "lib/**/*.test.ts", "app/**/*.{ts,tsx}", "prisma/**/*.{ts,mjs}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ABOVE }],
    },
  },
  {
    // Every journey goes through the shared fixture, which fails it on a Content-Security-Policy violation (ADR 0024).
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test", "expect"],
              message: "Importez test et expect de ./support/test (garde CSP et relevé des jetons de session).",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**"]),
]);
