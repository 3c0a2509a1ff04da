// The company register client against a local HTTP server answering in the documented format of the open
// "recherche d'entreprises" API (GET /search?q=<siret>): the real register cannot be reached from CI. Timeouts, a
// closed or unknown establishment refused at sign-up, the circuit breaker, and sign-up going on when the register is down.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db.server";
import { rejection, testPassword, testRequest, uniqueSiret, uniqueTestEmail } from "../testing/organization-fixtures.server";
import { CircuitBreaker, REGISTER_MESSAGES } from "./register";
import { registerClient } from "./register-client.server";
import { signUpEditor } from "./sign-up.server";

type Mode = "normal" | "slow" | "error";
let mode: Mode = "normal";
let calls = 0;
const closed = new Set<string>();
const known = new Set<string>();
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    calls += 1;
    const query = new URL(request.url ?? "/", "http://localhost");
    if (query.pathname !== "/search") return response.writeHead(404).end();
    if (mode === "error") return response.writeHead(503, { "Content-Type": "application/json" }).end('{"erreur":"Service indisponible"}');
    const siret = query.searchParams.get("q") ?? "";
    const body = JSON.stringify({
      results: known.has(siret)
        ? [
            {
              siren: siret.slice(0, 9),
              nom_complet: "SANTE REGISTRE (SR)",
              nom_raison_sociale: "SANTE REGISTRE",
              siege: { siret: `${siret.slice(0, 9)}99999`, adresse: "1 RUE DU SIEGE 75001 PARIS", etat_administratif: "A" },
              matching_etablissements: [{ siret, adresse: "10 RUE DU REGISTRE 69002 LYON", etat_administratif: closed.has(siret) ? "F" : "A" }],
            },
          ]
        : [],
      total_results: known.has(siret) ? 1 : 0,
      page: 1,
      per_page: 1,
      total_pages: 1,
    });
    const send = () => response.writeHead(200, { "Content-Type": "application/json" }).end(body);
    if (mode === "slow") setTimeout(send, 500);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const form = (siret: string) => ({
  name: "Régis Registre",
  email: uniqueTestEmail("registre"),
  password: testPassword,
  passwordConfirmation: testPassword,
  legalName: "Santé Registre",
  siret,
  address: "10 rue du Registre, 69002 Lyon",
  isLegalRepresentative: true,
});

describe("the company register (a local server in the register's format: the real register is out of CI's reach)", () => {
  it("finds an active establishment, and sign-up with it goes through", async () => {
    mode = "normal";
    const siret = uniqueSiret();
    known.add(siret);
    const register = registerClient({ url, timeoutMs: 200 });
    expect(await register.lookup(siret)).toEqual({
      status: "found",
      establishment: { siret, legalName: "SANTE REGISTRE", address: "10 RUE DU REGISTRE 69002 LYON", active: true },
    });
    expect((await signUpEditor(form(siret), testRequest, { register })).outcome).toBe("created");
  });

  it("refuses a closed or unknown establishment at sign-up with a French message, writing nothing", async () => {
    mode = "normal";
    const register = registerClient({ url, timeoutMs: 200 });
    const closedSiret = uniqueSiret();
    known.add(closedSiret);
    closed.add(closedSiret);
    const users = await db().user.count();
    expect((await rejection(signUpEditor(form(closedSiret), testRequest, { register }))).fieldErrors.siret).toBe(REGISTER_MESSAGES.closed);
    expect((await rejection(signUpEditor(form(uniqueSiret()), testRequest, { register }))).fieldErrors.siret).toBe(REGISTER_MESSAGES.unknown);
    expect(await db().user.count()).toBe(users);
  });

  it("gives up after its timeout, opens its breaker after three failures, and sign-up still works meanwhile", async () => {
    const breaker = new CircuitBreaker(3, 60_000);
    const register = registerClient({ url, timeoutMs: 100, breaker });
    mode = "slow";
    const started = Date.now();
    expect(await register.lookup(uniqueSiret())).toMatchObject({ status: "unavailable", reason: "TimeoutError" });
    expect(Date.now() - started).toBeLessThan(450);
    mode = "error";
    expect(await register.lookup(uniqueSiret())).toMatchObject({ status: "unavailable", reason: "HTTP 503" });
    expect(await register.lookup(uniqueSiret())).toMatchObject({ status: "unavailable" });
    expect(breaker.state).toBe("open");
    const before = calls;
    expect(await register.lookup(uniqueSiret())).toEqual({ status: "unavailable", reason: "circuit open" });
    expect(calls).toBe(before);
    // The register down: sign-up goes on (the reviewer will see "registre non consulté").
    expect((await signUpEditor(form(uniqueSiret()), testRequest, { register })).outcome).toBe("created");
    expect(calls).toBe(before);
  });
});
