import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "../prisma/demo-accounts";
import { readE2eRun, seenSecrets } from "../lib/testing/e2e-run";
import { leakedSecrets, linkTokens, tokenShapes } from "../lib/testing/log-audit";

// Runs after every journey (project "journaux", which depends on "chromium" in playwright.config.ts): the logs of the
// whole run, from every instance and the worker, must hold no password, session token, single-use link or
// configured secret (ADR 0025).

const PASSWORDS_TYPED_BY_THE_SPECS = [DEMO_PASSWORD, "une phrase de passe solide"];

test("the servers' logs of the whole run hold no password, session token, single-use link or secret", async () => {
  const run = readE2eRun();
  const logs = readFileSync(run.logFile, "utf8");
  // The logs are there and are the JSON request lines of the run.
  expect(logs.match(/"message":"requête"/g)?.length ?? 0).toBeGreaterThan(100);

  const client = new pg.Client({ connectionString: run.databaseUrl });
  await client.connect();
  let mailTexts: string[];
  try {
    mailTexts = (await client.query<{ text: string }>(`SELECT "text" FROM "OutboxMessage"`)).rows.map((r) => r.text);
  } finally {
    await client.end();
  }
  const routes = Object.values(JSON.parse(readFileSync(path.join(".next", "app-path-routes-manifest.json"), "utf8")) as Record<string, string>);
  const links = linkTokens(mailTexts, routes);
  const sessions = seenSecrets();
  // The run did sign people in and mail them single-use links: the audit has something to look for.
  expect(sessions.length).toBeGreaterThan(10);
  expect(links.length).toBeGreaterThan(0);

  expect(leakedSecrets(logs, PASSWORDS_TYPED_BY_THE_SPECS), "mots de passe").toEqual([]);
  expect(leakedSecrets(logs, sessions), "jetons de session").toEqual([]);
  expect(leakedSecrets(logs, links), "liens à usage unique").toEqual([]);
  expect(leakedSecrets(logs, run.configuredSecrets), "secrets de la configuration").toEqual([]);
  expect(tokenShapes(logs), "jetons d'API").toEqual([]);
});
