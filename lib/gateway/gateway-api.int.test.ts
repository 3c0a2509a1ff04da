// The sync agent's machine API: token scopes (old tokens keep the whitelist, a gateway scope for the agent), the
// configuration bundle with its strong ETag and 304, a new revision when an approval changes the files, and reports
// stored or refused for a revision never served.
import { beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "../applications/create-draft.server";
import { submitApplication } from "../applications/submit.server";
import { addCaCertificate } from "../certificates/ca-bundle.server";
import { PEER_ADDRESS_HEADER } from "../client-address";
import { db } from "../db.server";
import { approveApplication } from "../review/approve.server";
import { completeService, profileByCode, reviewer, testRequest } from "../testing/application-fixtures.server";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { createTestAuthority } from "../testing/test-authority";
import { whitelistApiResponse } from "../whitelist/api.server";
import { createApiToken } from "../whitelist/api-tokens.server";
import { gatewayConfigurationResponse, gatewayReportResponse } from "./api.server";
import { gatewayStatuses } from "./status.server";

function headers(token: string | null, extra: Record<string, string> = {}) {
  const h = new Headers({ [PEER_ADDRESS_HEADER]: "192.0.2.25", ...extra });
  if (token) h.set("authorization", `Bearer ${token}`);
  return h;
}
const configuration = (token: string | null, query = "?environment=TEST", ifNoneMatch?: string) =>
  gatewayConfigurationResponse(new Request(`http://portail.test/api/v1/gateway/configuration${query}`, { headers: headers(token, ifNoneMatch ? { "if-none-match": ifNoneMatch } : {}) }), { callsPerMinute: 1000 });
const report = (token: string, body: unknown) =>
  gatewayReportResponse(new Request("http://portail.test/api/v1/gateway/reports", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: headers(token, { "content-type": "application/json" }) }), { callsPerMinute: 1000 });

let admin: Awaited<ReturnType<typeof createPerson>>;
let gatewayToken: string;
let whitelistToken: string;

beforeAll(async () => {
  admin = await createPerson(["ANS_ADMIN"], "Ada Ministratrice");
  const now = new Date();
  const authority = await createTestAuthority({ notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 365 * 86_400_000), keyAlgorithm: "EC" });
  await addCaCertificate(admin, "TEST", { text: authority.root.pem }, testRequest);
  ({ token: gatewayToken } = await createApiToken(admin, { name: "Agent de test", scopes: ["gateway"] }, testRequest));
  ({ token: whitelistToken } = await createApiToken(admin, { name: "Lecteur historique" }, testRequest));
});

describe("API token scopes", () => {
  it("keeps a token made without scopes a whitelist reader, and refuses it the gateway in French (403)", async () => {
    const stored = await db().apiToken.findFirstOrThrow({ where: { name: "Lecteur historique" } });
    expect(stored.scopes).toEqual(["whitelist"]);
    expect((await whitelistApiResponse(new Request("http://portail.test/api/v1/whitelist", { headers: headers(whitelistToken) }))).status).toBe(200);
    const refused = await configuration(whitelistToken);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/droit « passerelle »/);
  });

  it("refuses a gateway-only token the whitelist (403), and an unknown scope at creation", async () => {
    expect((await whitelistApiResponse(new Request("http://portail.test/api/v1/whitelist", { headers: headers(gatewayToken) }))).status).toBe(403);
    await expect(createApiToken(admin, { name: "Mauvais droit", scopes: ["root"] }, testRequest)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(createApiToken(admin, { name: "Aucun droit", scopes: [] }, testRequest)).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("answers 401 without a token", async () => {
    expect((await configuration(null)).status).toBe(401);
  });
});

describe("GET /api/v1/gateway/configuration", () => {
  it("serves the three files with a strong ETag, 304 on If-None-Match, and a new revision after an approval", async () => {
    const first = await configuration(gatewayToken);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const bundle = (await first.json()) as { revision: string; environment: string; files: Record<string, string> };
    expect(bundle.environment).toBe("TEST");
    expect(Object.keys(bundle.files)).toEqual(["ror-ca-bundle.pem", "ror-whitelist-http.conf", "ror-whitelist-server.conf"]);
    expect(bundle.files["ror-ca-bundle.pem"]).toContain("BEGIN CERTIFICATE");

    const again = await configuration(gatewayToken, "?environment=TEST", etag);
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);

    const editor = await completeService({ profileCode: "2" });
    const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    const { version } = await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest);
    const { enrolmentId } = await approveApplication(await reviewer(), { applicationId, version, accessProfileId: (await profileByCode("2")).id }, testRequest);

    const changed = await configuration(gatewayToken, "?environment=TEST", etag);
    expect(changed.status).toBe(200);
    const next = (await changed.json()) as { revision: string; files: Record<string, string> };
    expect(BigInt(next.revision)).toBeGreaterThan(BigInt(bundle.revision));
    expect(next.files["ror-whitelist-http.conf"]).toContain(enrolmentId);
  });

  it("refuses a missing or unknown environment (400)", async () => {
    expect((await configuration(gatewayToken, "")).status).toBe(400);
    expect((await configuration(gatewayToken, "?environment=RECETTE")).status).toBe(400);
  });
});

describe("POST /api/v1/gateway/reports", () => {
  it("stores a report of a served revision and shows it per environment", async () => {
    const bundle = (await (await configuration(gatewayToken)).json()) as { revision: string };
    const answer = await report(gatewayToken, { environment: "TEST", revision: bundle.revision, result: "applied", appliedAt: "2026-12-12T13:03:00.000Z", message: "nginx: configuration file test is successful" });
    expect(answer.status).toBe(201);
    const statuses = await gatewayStatuses(admin);
    expect(statuses.TEST.lastReport).toMatchObject({ result: "APPLIED", revision: bundle.revision });
    expect(statuses.TEST.lastApplied?.revision).toBe(bundle.revision);
    expect(statuses.PRODUCTION.lastReport).toBeNull();
  });

  it("refuses a revision never served (422), one of another environment, bad JSON (400), without writing", async () => {
    const before = await db().gatewayReport.count();
    const bundle = (await (await configuration(gatewayToken)).json()) as { revision: string };
    const base = { environment: "TEST", result: "failed", appliedAt: new Date().toISOString(), message: "" };
    expect((await report(gatewayToken, { ...base, revision: "999999" })).status).toBe(422);
    expect((await report(gatewayToken, { ...base, environment: "PRODUCTION", revision: bundle.revision })).status).toBe(422);
    expect((await report(gatewayToken, "{not json")).status).toBe(400);
    expect((await report(gatewayToken, { ...base, revision: "1", result: "maybe" })).status).toBe(400);
    expect((await report(whitelistToken, { ...base, revision: bundle.revision })).status).toBe(403);
    expect(await db().gatewayReport.count()).toBe(before);
  });
});
