// The SIRET lookup behind the sign-up and organisation forms (ADR 0049), against a local HTTP server answering in the
// documented format of the open "recherche d'entreprises" API: the real register cannot be reached from CI.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db.server";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { uniqueSiret } from "../testing/organization-fixtures.server";
import { REGISTER_MESSAGES } from "./register";
import { registerClient } from "./register-client.server";
import { lookUpSiretForPrefill } from "./register-prefill.server";

const closed = new Set<string>();
const known = new Set<string>();
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const siret = new URL(request.url ?? "/", "http://localhost").searchParams.get("q") ?? "";
    const results = known.has(siret)
      ? [{ siren: siret.slice(0, 9), nom_raison_sociale: "PREFILL SANTE", matching_etablissements: [{ siret, adresse: "2 RUE DU PREFILL 33000 BORDEAUX", etat_administratif: closed.has(siret) ? "F" : "A" }] }]
      : [];
    response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ results, total_results: results.length, page: 1, per_page: 1, total_pages: 1 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the register prefill (a local server in the register's format: the real register is out of CI's reach)", () => {
  it("prefills from an active establishment, refuses a closed or unknown one, and says nothing when the register is down", async () => {
    const register = registerClient({ url, timeoutMs: 500 });
    const request = { ip: "198.51.100.77", userAgent: "vitest" };
    const active = uniqueSiret();
    known.add(active);
    expect(await lookUpSiretForPrefill(null, active, request, { register })).toEqual({ status: "found", legalName: "PREFILL SANTE", address: "2 RUE DU PREFILL 33000 BORDEAUX" });
    const shut = uniqueSiret();
    known.add(shut);
    closed.add(shut);
    expect(await lookUpSiretForPrefill(null, shut, request, { register })).toEqual({ status: "problem", message: REGISTER_MESSAGES.closed });
    expect(await lookUpSiretForPrefill(null, uniqueSiret(), request, { register })).toEqual({ status: "problem", message: REGISTER_MESSAGES.unknown });
    const down = registerClient({ url: "http://127.0.0.1:9", timeoutMs: 200 });
    expect(await lookUpSiretForPrefill(null, uniqueSiret(), request, { register: down })).toEqual({ status: "unavailable" });
  });

  it("asks nothing for a malformed SIRET, and limits anonymous callers per address", async () => {
    const register = registerClient({ url, timeoutMs: 500 });
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    const before = await db().anonymousRequestWindow.count({ where: { scope: "registerLookup", address: ip } });
    expect(await lookUpSiretForPrefill(null, "1 OR 1=1", { ip, userAgent: "vitest" }, { register })).toEqual({ status: "unavailable" });
    expect(await db().anonymousRequestWindow.count({ where: { scope: "registerLookup", address: ip } })).toBe(before);
    for (let i = 0; i < 30; i += 1) await lookUpSiretForPrefill(null, uniqueSiret(), { ip, userAgent: "vitest" }, { register });
    await expect(lookUpSiretForPrefill(null, uniqueSiret(), { ip, userAgent: "vitest" }, { register })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // A signed-in person is not counted.
    const person = await createPerson(["EDITOR"]);
    expect(await lookUpSiretForPrefill(person, uniqueSiret(), { ip, userAgent: "vitest" }, { register })).toMatchObject({ status: "problem" });
  });
});
