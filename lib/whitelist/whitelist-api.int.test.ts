// The machine API against the OpenAPI document, its tokens, ETag/304, rate limit and call log; quotas and enrolment
// changes reaching the export at once; the certificate expiry watch with a controllable clock.
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "../applications/create-draft.server";
import { apisInUse, updateRorApi } from "../catalogue/ror-apis.server";
import { submitApplication } from "../applications/submit.server";
import { completeService, outboxTo, profileByCode, reviewer, testRequest } from "../testing/application-fixtures.server";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { db } from "../db.server";
import { rejection } from "../testing/organization-fixtures.server";
import { approveApplication } from "../review/approve.server";
import { reinstateEnrolment } from "../enrolments/reinstate.server";
import { revokeEnrolment } from "../enrolments/revoke.server";
import { suspendEnrolment } from "../enrolments/suspend.server";
import { whitelistApiResponse } from "./api.server";
import { createApiToken, revokeApiToken } from "./api-tokens.server";
import { clearWhitelistExportCache, readWhitelistRevision } from "./entries.server";
import { runCertificateExpiryWatch } from "./expiry-job.server";
import { WHITELIST_CSV_COLUMNS } from "./export";
import { whitelistOpenApi } from "./openapi";
import { QUOTA_RANGE_MESSAGE } from "./quotas";
import { setEnrolmentQuotas } from "../enrolments/quotas.server";
import { updateLevel1Quota } from "./quotas.server";
import { PEER_ADDRESS_HEADER } from "../client-address";

const ajv = new Ajv2020({ strict: true, allErrors: true });
for (const keyword of ["openapi", "info", "servers", "security", "paths", "components"]) ajv.addKeyword(keyword);
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat("uri", (value: string) => URL.canParse(value) && /^[a-z][a-z0-9+.-]*:/i.test(value));
ajv.addSchema({ $id: "https://ror.example/openapi.json", ...whitelistOpenApi });
function schema(ref: string) {
  const validate = ajv.getSchema(`https://ror.example/openapi.json#${ref}`);
  if (!validate) throw new Error(`no schema ${ref}`);
  return validate;
}
const documentSchema = schema("/components/schemas/WhitelistDocument");
const problemSchema = schema("/components/schemas/Problem");
const etagSchema = schema("/components/headers/ETag/schema");

async function call(token: string | null, init: { accept?: string; ifNoneMatch?: string; query?: string; now?: Date; callsPerMinute?: number } = {}) {
  // The peer address as our HTTP server passes it; with no trusted proxy (the default) the forged header is ignored.
  const headers = new Headers({ "x-forwarded-for": "203.0.113.99", [PEER_ADDRESS_HEADER]: "::ffff:192.0.2.7" });
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  if (init.accept) headers.set("accept", init.accept);
  if (init.ifNoneMatch) headers.set("if-none-match", init.ifNoneMatch);
  return whitelistApiResponse(new Request(`http://portail.test/api/v1/whitelist${init.query ?? ""}`, { headers }), { now: init.now, callsPerMinute: init.callsPerMinute ?? 1000 });
}

type Doc = { generatedAt: string; level1: { perApiPerSecond: number }; entries: { enrolmentId: string; quotas: { authenticatedPerSecond: number; publicPerSecond: number }; certificates: { fingerprintSha256: string }[] }[] };

async function exportNow(token: string, now?: Date): Promise<Doc> {
  const response = await call(token, { now });
  expect(response.status).toBe(200);
  const body = (await response.json()) as Doc;
  expect(documentSchema(body), JSON.stringify(documentSchema.errors)).toBe(true);
  return body;
}

let admin: Awaited<ReturnType<typeof createPerson>>;
let ans: Awaited<ReturnType<typeof reviewer>>;
let token: string;
let tokenId: string;

async function approvedEnrolment() {
  const editor = await completeService({ profileCode: "2" });
  const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
  const { version } = await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest);
  const profile = await profileByCode("2");
  const { enrolmentId } = await approveApplication(ans, { applicationId, version, accessProfileId: profile.id }, testRequest);
  return { editor, enrolmentId };
}

beforeAll(async () => {
  admin = await createPerson(["ANS_ADMIN"], "Ada Ministratrice");
  ans = await reviewer();
  ({ token, id: tokenId } = await createApiToken(admin, { name: "Passerelle de test" }, testRequest));
});

describe("GET /api/v1/whitelist", () => {
  it("answers the entries in force as the OpenAPI document describes, with an ETag, then 304 on If-None-Match", async () => {
    const { enrolmentId, editor } = await approvedEnrolment();
    const response = await call(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const etag = response.headers.get("etag")!;
    expect(etagSchema(etag)).toBe(true);
    const body = (await response.json()) as Doc;
    expect(documentSchema(body), JSON.stringify(documentSchema.errors)).toBe(true);
    const entry = body.entries.find((e) => e.enrolmentId === enrolmentId)!;
    expect(entry.certificates.map((c) => c.fingerprintSha256)).toEqual(editor.fingerprints);
    expect(body.level1.perApiPerSecond).toBe(100);

    const again = await call(token, { ifNoneMatch: etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");

    const csv = await call(token, { accept: "text/csv" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("etag")).not.toBe(etag);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe(WHITELIST_CSV_COLUMNS.join(","));
    expect(text).toContain(enrolmentId);
    expect((await call(token, { accept: "text/csv", ifNoneMatch: csv.headers.get("etag")! })).status).toBe(304);

    // Environment filter: the grant has TEST only.
    expect((await exportNow(token)).entries.length).toBeGreaterThan(0);
    const production = await call(token, { query: "?environment=PRODUCTION" });
    expect(((await production.json()) as Doc).entries.find((e) => e.enrolmentId === enrolmentId)).toBeUndefined();
    expect((await call(token, { query: "?environment=prod" })).status).toBe(400);

    const lastUsed = await db().apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(lastUsed.lastUsedAt).not.toBeNull();
  });

  it("refuses no token, a wrong token and a revoked token alike with 401 problem details, and logs only the calls with a valid token", async () => {
    const before = await db().apiCall.count();
    const { token: doomed, id: doomedId } = await createApiToken(admin, { name: "Jeton à révoquer" }, testRequest);
    expect((await call(doomed)).status).toBe(200);
    await revokeApiToken(admin, { tokenId: doomedId }, testRequest);
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: doomedId } });
    expect(stored.tokenHash).not.toContain(doomed);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const wrong = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const presented of [null, "n'importe quoi", wrong, doomed]) {
      const response = await call(presented);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const problem = await response.json();
      expect(problemSchema(problem)).toBe(true);
      expect(problem).toMatchObject({ status: 401, detail: "Jeton d'API absent, inconnu ou révoqué." });
    }
    // Calls without a valid token cannot flood the call log (ADR 0027): only the answered call left a row.
    const calls = await db().apiCall.findMany({ orderBy: { id: "asc" }, skip: before });
    expect(calls.map((c) => c.status)).toEqual([200]);
    expect(calls.every((c) => c.ip === "192.0.2.7" && c.path === "/api/v1/whitelist")).toBe(true);
    expect(calls[0]!.tokenId).toBe(doomedId);
    // Only administrators manage tokens.
    expect((await rejection(createApiToken(ans, { name: "Pirate" }, testRequest))).code).toBe("FORBIDDEN");
  });

  it("limits calls without a valid token per client address with 429, and writes no row for them", async () => {
    const before = await db().apiCall.count();
    const limit = { max: 5, windowSeconds: 60 };
    const from = (address: string, presented: string | null) =>
      whitelistApiResponse(
        new Request("http://portail.test/api/v1/whitelist", {
          headers: { [PEER_ADDRESS_HEADER]: address, ...(presented ? { authorization: `Bearer ${presented}` } : {}) },
        }),
        { callsPerMinute: 1000, withoutTokenLimit: limit },
      );
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await from("198.51.100.77", i % 2 ? "faux" : null)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const refused = await from("198.51.100.77", null);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    const problem = await refused.json();
    expect(problemSchema(problem)).toBe(true);
    expect(problem.detail).toMatch(/^Trop de demandes depuis votre adresse réseau/);
    // Another address is not held back, nor a valid token from the same one.
    expect((await from("198.51.100.78", null)).status).toBe(401);
    expect((await from("198.51.100.77", token)).status).toBe(200);
    expect(await db().apiCall.count()).toBe(before + 1);
  });

  it("rate-limits per token with 429 and Retry-After, counting in Postgres", async () => {
    const { token: busy } = await createApiToken(admin, { name: "Jeton pressé" }, testRequest);
    const now = new Date("2030-01-01T10:00:45.000Z");
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(busy, { now, callsPerMinute: 3 })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(busy, { now, callsPerMinute: 3 });
    expect(limited.headers.get("retry-after")).toBe("15");
    expect(problemSchema(await limited.json())).toBe(true);
    // Another token is not affected; the next window starts afresh.
    expect((await call(token, { now, callsPerMinute: 3 })).status).toBe(200);
    expect((await call(busy, { now: new Date("2030-01-01T10:01:00.000Z"), callsPerMinute: 3 })).status).toBe(200);
  });

  it("follows quota changes, suspension, reinstatement and revocation at once", async () => {
    const { enrolmentId } = await approvedEnrolment();
    const find = async () => (await exportNow(token)).entries.find((e) => e.enrolmentId === enrolmentId);
    // Each use case refreshed the precomputed entry in its own transaction (the export never had to compute it).
    const precomputed = async () => {
      const enrolment = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { updatedAt: true } });
      const rows = await db().gatewayEntry.findMany({ where: { enrolmentId } });
      expect(rows.every((r) => r.sourceUpdatedAt.getTime() === enrolment.updatedAt.getTime())).toBe(true);
      return rows.map((r) => JSON.parse(r.json) as { quotas: unknown });
    };
    expect((await precomputed()).length).toBe(1);
    expect((await find())!.quotas).toEqual({ authenticatedPerSecond: 10, publicPerSecond: 5 });
    const revision = await readWhitelistRevision();

    // Out of range or without a reason: refused, nothing changes.
    for (const value of [0, -1, 5000, 2.5, "abc"]) {
      const error = await rejection(setEnrolmentQuotas(ans, { enrolmentId, version: 1, authenticatedPerSecond: value, publicPerSecond: 5, reason: "Charge élevée" }, testRequest));
      expect(error.fieldErrors.authenticatedPerSecond).toBe(QUOTA_RANGE_MESSAGE);
    }
    expect((await rejection(setEnrolmentQuotas(ans, { enrolmentId, version: 1, authenticatedPerSecond: 20, publicPerSecond: 5, reason: "" }, testRequest))).fieldErrors.reason).toMatch(/^Saisissez le motif/);
    expect((await rejection(setEnrolmentQuotas(ans, { enrolmentId, version: 1, authenticatedPerSecond: 20, publicPerSecond: 5, reason: "<script>alert(1)</script>" }, testRequest))).fieldErrors.reason).toBe("Le motif ne peut pas contenir les caractères < et >.");
    expect(await readWhitelistRevision()).toBe(revision);

    const { version: v2 } = await setEnrolmentQuotas(ans, { enrolmentId, version: 1, authenticatedPerSecond: "20", publicPerSecond: "8", reason: "Pic d'activité hivernal" }, testRequest);
    expect(await readWhitelistRevision()).not.toBe(revision);
    expect((await find())!.quotas).toEqual({ authenticatedPerSecond: 20, publicPerSecond: 8 });
    expect((await precomputed())[0]!.quotas).toEqual({ authenticatedPerSecond: 20, publicPerSecond: 8 });
    const events = await db().event.findMany({ where: { subjectId: enrolmentId, name: "enrolment.quotas_changed" } });
    expect(events[0]!.payload).toMatchObject({ reason: "Pic d'activité hivernal" });
    expect(await db().event.count({ where: { name: "enrolment.quotas_changed", subjectId: enrolmentId } })).toBe(1);
    // A stale version is a conflict.
    expect((await rejection(setEnrolmentQuotas(ans, { enrolmentId, version: 1, authenticatedPerSecond: 10, publicPerSecond: 5 }, testRequest))).code).toBe("CONFLICT");

    const { version: v3 } = await suspendEnrolment(ans, { enrolmentId, version: v2, reason: "Incident de sécurité signalé." }, testRequest);
    expect(await find()).toBeUndefined();
    expect(await precomputed()).toEqual([]);
    const { version: v4 } = await reinstateEnrolment(ans, { enrolmentId, version: v3 }, testRequest);
    expect((await find())!.quotas.authenticatedPerSecond).toBe(20);
    expect((await precomputed()).length).toBe(1);
    await revokeEnrolment(ans, { enrolmentId, version: v4, reason: "Fin du contrat de service." }, testRequest);
    expect(await find()).toBeUndefined();
  });

  it("puts the administrators' level-1 quota in the export, refusing values out of range", async () => {
    const setting = await db().level1QuotaSetting.findUniqueOrThrow({ where: { id: 1 } });
    expect((await rejection(updateLevel1Quota(admin, { perApiPerSecond: "0", version: setting.version }, testRequest))).fieldErrors.perApiPerSecond).toBe(QUOTA_RANGE_MESSAGE);
    expect((await rejection(updateLevel1Quota(ans, { perApiPerSecond: "50", version: setting.version }, testRequest))).code).toBe("FORBIDDEN");
    await updateLevel1Quota(admin, { perApiPerSecond: "250", version: setting.version }, testRequest);
    expect((await exportNow(token)).level1.perApiPerSecond).toBe(250);
    expect((await rejection(updateLevel1Quota(admin, { perApiPerSecond: "300", version: setting.version }, testRequest))).code).toBe("CONFLICT");
  });

  it("publishes the ROR API catalogue with each API's level 1, and a catalogue change reaches the next export at once", async () => {
    const apisOf = async () => ((await exportNow(token)).level1 as { apis?: { pathPrefix: string; access: string; level1PerSecond: number }[] }).apis;
    expect((await apisOf())?.map((a) => [a.pathPrefix, a.access])).toEqual([["/fhir/", "authenticated"], ["/opendata/", "public"], ["/ws/", "authenticated"]]);
    const fhir = (await apisInUse()).find((a) => a.pathPrefix === "/fhir/")!;
    const revision = await readWhitelistRevision();
    await updateRorApi(admin, fhir.id, { name: fhir.name, pathPrefix: fhir.pathPrefix, kind: fhir.kind, level1PerSecond: "40", lastUpdatedAt: fhir.updatedAt.toISOString() }, testRequest);
    // No cache clearing here: the revision moved in the catalogue's transaction, so the cached export is not served.
    expect(await readWhitelistRevision()).not.toBe(revision);
    expect((await apisOf())?.find((a) => a.pathPrefix === "/fhir/")?.level1PerSecond).toBe(40);
  });
});

describe("the certificate expiry watch", () => {
  it("mails once per threshold, the tightest one only, then marks the expired certificate and the export drops it", async () => {
    const { enrolmentId, editor } = await approvedEnrolment();
    const certificate = await db().certificate.findFirstOrThrow({ where: { serviceId: editor.serviceId } });
    const day = 24 * 60 * 60 * 1000;
    const at = (daysBefore: number) => new Date(certificate.notAfter.getTime() - daysBefore * day);
    const mails = async () => (await outboxTo(editor.email)).filter((m) => m.kind.startsWith("certificate."));
    const noticesOf = () => db().certificateExpiryNotice.findMany({ where: { enrolmentId }, orderBy: { threshold: "desc" } });

    await runCertificateExpiryWatch(at(61));
    expect(await noticesOf()).toEqual([]);
    await runCertificateExpiryWatch(at(59));
    await runCertificateExpiryWatch(at(58));
    expect((await noticesOf()).map((n) => n.threshold)).toEqual([60]);
    expect((await mails()).map((m) => m.subject)).toEqual(["Certificat du service Orientation Plus : expiration dans 59 jours"]);
    // Found 6 days before: the 7-day notice only, the 30-day one is never sent.
    await runCertificateExpiryWatch(at(6));
    await runCertificateExpiryWatch(at(2));
    expect((await noticesOf()).map((n) => n.threshold)).toEqual([60, 7]);
    expect(await mails()).toHaveLength(2);

    clearWhitelistExportCache();
    const justBefore = new Date(certificate.notAfter.getTime() - 1000);
    expect((await exportNow(token, justBefore)).entries.some((e) => e.enrolmentId === enrolmentId)).toBe(true);
    const after = new Date(certificate.notAfter.getTime() + 1000);
    const revision = await readWhitelistRevision();
    expect(await runCertificateExpiryWatch(after)).toMatchObject({ expired: expect.any(Number) });
    expect((await noticesOf()).map((n) => n.threshold)).toEqual([60, 7, 0]);
    expect(await readWhitelistRevision()).not.toBe(revision);
    const all = await mails();
    expect(all.at(-1)!.subject).toBe("Certificat du service Orientation Plus expiré : appels refusés");
    expect(all.at(-1)!.text).toContain(certificate.fingerprintSha256);
    expect((await exportNow(token, after)).entries.some((e) => e.enrolmentId === enrolmentId)).toBe(false);
    // Idempotent.
    await runCertificateExpiryWatch(after);
    expect(await mails()).toHaveLength(3);
  });
});
