import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    // Components only present: no database, no server-only use cases.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/*.server", "**/generated/prisma/**", "@prisma/*", "next-auth", "next-auth/*"] },
      ],
    },
  },
  {
    // Pure rules in lib/ never reach up into use cases or frameworks.
    files: ["lib/**/*.ts"],
    ignores: ["lib/**/*.server.ts", "lib/runtime/**", "lib/**/*.test.ts", "lib/generated/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/*.server", "**/generated/prisma/**", "@prisma/*", "next", "next/*", "next-auth", "react"] },
      ],
    },
  },
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**"]),
]);
