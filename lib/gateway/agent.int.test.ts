// The sync agent against Debian's real nginx and the portal's gateway API over real HTTP (the route handlers, served
// on loopback): an approval reaches nginx and a client certificate gets through by mutual TLS; a configuration that
// fails `nginx -t` is rolled back while nginx keeps serving; a suspension ends in 403. nginx must be installed.
import { chmodSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "../applications/create-draft.server";
import { submitApplication } from "../applications/submit.server";
import { addCaCertificate } from "../certificates/ca-bundle.server";
import { EKU_SERVER_AUTH } from "../certificates/certificate-usages";
import { db } from "../db.server";
import { suspendEnrolment } from "../enrolments/suspend.server";
import { approveApplication } from "../review/approve.server";
import { completeService, profileByCode, reviewer, testRequest } from "../testing/application-fixtures.server";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { freePort, mtlsGet, newRig, startAgent, startNginx, startPortalGatewayApi, stopRig, waitFor, writeMainConf, type Rig } from "../testing/gateway-rig";
import { createTestAuthority, issueTestCertificate, privateKeyPem } from "../testing/test-authority";
import { createApiToken } from "../whitelist/api-tokens.server";
import { certificateFingerprints } from "../whitelist/entry";
import { latestGatewayRevision } from "./revisions.server";
import { enrolmentEnforcementForReview } from "./status.server";

const directory = mkdtempSync(path.join(os.tmpdir(), "ror-gateway-agent-"));
chmodSync(directory, 0o755);
// The generated ssl_client_certificate path follows the agent's swapped release (deploy/README.md).
process.env.GATEWAY_CA_BUNDLE_DIR = path.join(directory, "ror", "current");

const now = new Date();
const validity = { notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 365 * 86_400_000) };
let rig: Rig;
let portal: Awaited<ReturnType<typeof startPortalGatewayApi>>;
let backend: http.Server;
let serverCa: string;
let client: { cert: string; key: string };
let ans: Awaited<ReturnType<typeof reviewer>>;
let enrolmentId: string;

async function reports() {
  return db().gatewayReport.findMany({ orderBy: { id: "asc" }, select: { result: true, message: true, revisionId: true } });
}

beforeAll(async () => {
  const admin = await createPerson(["ANS_ADMIN"], "Ada Ministratrice");
  ans = await reviewer();
  const authority = await createTestAuthority({ ...validity, keyAlgorithm: "EC" });
  serverCa = authority.root.pem;
  await addCaCertificate(admin, "TEST", { text: authority.root.pem }, testRequest);
  await addCaCertificate(admin, "TEST", { text: authority.issuing.pem }, testRequest);
  const [leaf, server] = await Promise.all([
    issueTestCertificate(authority, { ...validity, commonName: "Orientation Plus", structureId: "373282932000074", organization: "Éditeur Test SAS", keyAlgorithm: "EC" }),
    issueTestCertificate(authority, { ...validity, commonName: "localhost", keyAlgorithm: "EC", extendedKeyUsages: [EKU_SERVER_AUTH] }),
  ]);
  client = { cert: leaf.pem, key: await privateKeyPem(leaf.keys.privateKey) };

  backend = http.createServer((_request, response) => response.end("ok"));
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  rig = newRig(directory, await freePort());
  writeMainConf(rig, (backend.address() as net.AddressInfo).port, { cert: server.pem + authority.issuing.pem, key: await privateKeyPem(server.keys.privateKey) });

  const { token } = await createApiToken(admin, { name: "Agent de la passerelle de test", scopes: ["gateway"] }, testRequest);
  const tokenFile = path.join(directory, "token");
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  portal = await startPortalGatewayApi();
  startAgent(rig, portal.url, tokenFile, 0.5);
  await startNginx(rig);

  // The service's certificate is the real leaf (the fixture's placeholder row, given the leaf's DER).
  const editor = await completeService({ profileCode: "2" });
  await db().certificate.updateMany({
    where: { serviceId: editor.serviceId },
    data: { der: new Uint8Array(leaf.der), fingerprintSha256: certificateFingerprints(leaf.der).fingerprintSha256, notBefore: validity.notBefore, notAfter: validity.notAfter },
  });
  const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
  const { version } = await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest);
  // Before the approval, nginx refuses the certificate.
  expect((await mtlsGet(rig.port, serverCa, client)).status).toBe(403);
  ({ enrolmentId } = await approveApplication(ans, { applicationId, version, accessProfileId: (await profileByCode("2")).id }, testRequest));
}, 120_000);

afterAll(async () => {
  if (rig) await stopRig(rig);
  await portal?.close();
  await new Promise((resolve) => (backend ? backend.close(resolve) : resolve(undefined)));
  rmSync(directory, { recursive: true, force: true });
});

describe("the sync agent with real nginx", () => {
  it("applies an approval: the certificate gets through by mutual TLS, and the agent reports the revision", async () => {
    const status = await waitFor("the approval at the gateway", async () => ((await mtlsGet(rig.port, serverCa, client)).status === 200 ? 200 : undefined), 30_000, 200).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${rig.agentLog.join("")}`);
    });
    expect(status).toBe(200);
    const latest = await latestGatewayRevision("TEST");
    const applied = await waitFor("the report", async () => (await reports()).find((r) => r.result === "APPLIED" && r.revisionId === latest!.id), 10_000);
    expect(applied.message).toContain("test is successful");
    expect(readlinkSync(path.join(rig.agentDir, "current"))).toBe(path.join("releases", latest!.id.toString()));
    // The enrolment page can now say its last change is enforced in test.
    const { imported, states } = await enrolmentEnforcementForReview(ans, enrolmentId);
    expect(imported).toBe(false);
    expect(states).toEqual([expect.objectContaining({ environment: "TEST", enforced: true, revision: latest!.id.toString() })]);
  });

  it("rolls back a configuration that fails `nginx -t` (a generator defect, simulated by a stored revision): nginx keeps serving", async () => {
    const good = (await latestGatewayRevision("TEST"))!;
    const before = readlinkSync(path.join(rig.agentDir, "current"));
    // A revision row whose files are broken but whose hash is the generated one: the portal serves it as current.
    const files = { ...good.files, "ror-whitelist-http.conf": `${good.files["ror-whitelist-http.conf"]}\nthis_is_not_a_directive on;\n` };
    const broken = await db().gatewayRevision.create({ data: { environment: "TEST", contentHash: good.contentHash, files, whitelistRevision: 0n } });
    const failed = await waitFor("the failure report", async () => (await reports()).find((r) => r.revisionId === broken.id), 20_000, 200);
    expect(failed.result).toBe("FAILED");
    expect(failed.message).toMatch(/nginx -t a échoué/);
    expect(failed.message).toContain("this_is_not_a_directive");
    expect(readlinkSync(path.join(rig.agentDir, "current"))).toBe(before);
    expect((await mtlsGet(rig.port, serverCa, client)).status).toBe(200);

    // The defect fixed (the good files again, a new revision): the agent applies it.
    const fixed = await db().gatewayRevision.create({ data: { environment: "TEST", contentHash: good.contentHash, files: good.files, whitelistRevision: 0n } });
    const applied = await waitFor("the fixed revision applied", async () => (await reports()).find((r) => r.revisionId === fixed.id), 20_000, 200);
    expect(applied.result).toBe("APPLIED");
  });

  it("applies a suspension: the certificate is refused with 403", async () => {
    const enrolment = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { version: true } });
    await suspendEnrolment(ans, { enrolmentId, version: enrolment.version, reason: "Usage abusif constaté par l'ANS." }, testRequest);
    expect((await enrolmentEnforcementForReview(ans, enrolmentId)).states[0]?.enforced).toBe(false);
    const status = await waitFor("the suspension at the gateway", async () => ((await mtlsGet(rig.port, serverCa, client)).status === 403 ? 403 : undefined), 30_000, 200);
    expect(status).toBe(403);
    expect(rig.nginx!.exitCode).toBeNull();
  });
});
