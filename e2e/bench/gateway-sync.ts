// The gateway following the whitelist (issue 25): real PostgreSQL, the portal's gateway API over HTTP, the sync agent
// polling every 2 s, and Debian's real nginx. Measures, over N runs, the time from a reviewer's approval to the first
// successful mutual-TLS request through nginx, and from a suspension to the first 403. Target: under 10 s each.
// Usage: npm run bench:gateway-sync -- [runs=20]   (starts its own PostgreSQL and nginx; needs nginx installed)
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import { createMigratedDatabase, startTestCluster } from "../../lib/testing/test-cluster";
import { testPlatformSealEnv } from "../../lib/runtime/local-seal";
import { EKU_SERVER_AUTH } from "../../lib/certificates/certificate-usages";
import { createTestAuthority, issueTestCertificate, privateKeyPem } from "../../lib/testing/test-authority";
import { freePort, mtlsGet, newRig, startAgent, startNginx, startPortalGatewayApi, stopRig, writeMainConf } from "../../lib/testing/gateway-rig";
import { certificateFingerprints } from "../../lib/whitelist/entry";

const RUNS = Number(process.argv[2] ?? 20);
const POLL_SECONDS = 2;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function until(status: number, probe: () => Promise<number>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await probe().catch(() => 0)) === status) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${status} within ${timeoutMs} ms`);
}

const directory = mkdtempSync(path.join(os.tmpdir(), "ror-bench-gateway-"));
chmodSync(directory, 0o755);
const cluster = await startTestCluster();
let rig: ReturnType<typeof newRig> | undefined;
let portal: Awaited<ReturnType<typeof startPortalGatewayApi>> | undefined;
const backend = http.createServer((_request, response) => response.end("ok"));
try {
  process.env.DATABASE_URL = await createMigratedDatabase(cluster.adminUrl, "ror_bench_gateway_sync");
  process.env.AUTH_SECRET ||= "bench-secret-bench-secret-bench-secret-0123";
  process.env.ACCOUNT_REQUESTS_PER_ADDRESS_PER_HOUR = "100000";
  process.env.GATEWAY_CA_BUNDLE_DIR = path.join(directory, "ror", "current");
  Object.assign(process.env, await testPlatformSealEnv());
  const { db } = await import("../../lib/db.server");
  const { addCaCertificate } = await import("../../lib/certificates/ca-bundle.server");
  const { createApiToken } = await import("../../lib/whitelist/api-tokens.server");
  const { createPerson } = await import("../../lib/testing/catalogue-fixtures.server");
  const { completeService, profileByCode, reviewer, testRequest } = await import("../../lib/testing/application-fixtures.server");
  const { createDraft } = await import("../../lib/applications/create-draft.server");
  const { submitApplication } = await import("../../lib/applications/submit.server");
  const { approveApplication } = await import("../../lib/review/approve.server");
  const { suspendEnrolment } = await import("../../lib/enrolments/suspend.server");

  const now = new Date();
  const validity = { notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 365 * 86_400_000) };
  const admin = await createPerson(["ANS_ADMIN"], "Ada Ministratrice");
  const ans = await reviewer();
  const authority = await createTestAuthority({ ...validity, keyAlgorithm: "EC" });
  await addCaCertificate(admin, "TEST", { text: authority.root.pem }, testRequest);
  await addCaCertificate(admin, "TEST", { text: authority.issuing.pem }, testRequest);
  const server = await issueTestCertificate(authority, { ...validity, commonName: "localhost", keyAlgorithm: "EC", extendedKeyUsages: [EKU_SERVER_AUTH] });
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  rig = newRig(directory, await freePort());
  writeMainConf(rig, (backend.address() as net.AddressInfo).port, { cert: server.pem + authority.issuing.pem, key: await privateKeyPem(server.keys.privateKey) });
  const { token } = await createApiToken(admin, { name: "Agent du banc d'essai", scopes: ["gateway"] }, testRequest);
  const tokenFile = path.join(directory, "token");
  writeFileSync(tokenFile, token, { mode: 0o600 });
  portal = await startPortalGatewayApi();
  startAgent(rig, portal.url, tokenFile, POLL_SECONDS);
  await startNginx(rig);
  const profile = await profileByCode("2");

  const approvals: number[] = [];
  const suspensions: number[] = [];
  console.log(`gateway sync: ${RUNS} runs, agent polling every ${POLL_SECONDS} s, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  for (let run = 1; run <= RUNS; run++) {
    const leaf = await issueTestCertificate(authority, { ...validity, commonName: `Service ${run}`, structureId: "373282932000074", organization: "Éditeur Test SAS", keyAlgorithm: "EC" });
    const client = { cert: leaf.pem, key: await privateKeyPem(leaf.keys.privateKey) };
    const editor = await completeService({ profileCode: "2" });
    await db().certificate.updateMany({
      where: { serviceId: editor.serviceId },
      data: { der: new Uint8Array(leaf.der), fingerprintSha256: certificateFingerprints(leaf.der).fingerprintSha256, notBefore: validity.notBefore, notAfter: validity.notAfter },
    });
    const { applicationId } = await createDraft(editor.actor, { serviceId: editor.serviceId }, testRequest);
    const { version } = await submitApplication(editor.actor, { applicationId, version: 1 }, testRequest);
    // Start at a random point of the poll cycle, as a reviewer would.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * POLL_SECONDS * 1000));
    const approvedAt = performance.now();
    const { enrolmentId } = await approveApplication(ans, { applicationId, version, accessProfileId: profile.id }, testRequest);
    await until(200, async () => (await mtlsGet(rig!.port, authority.root.pem, client)).status);
    approvals.push(performance.now() - approvedAt);

    await new Promise((resolve) => setTimeout(resolve, Math.random() * POLL_SECONDS * 1000));
    const enrolment = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { version: true } });
    const suspendedAt = performance.now();
    await suspendEnrolment(ans, { enrolmentId, version: enrolment.version, reason: "Banc d'essai de la synchronisation." }, testRequest);
    await until(403, async () => (await mtlsGet(rig!.port, authority.root.pem, client)).status);
    suspensions.push(performance.now() - suspendedAt);
    console.log(`  run ${String(run).padStart(2)}: approval → 200 in ${s(approvals.at(-1)!)}, suspension → 403 in ${s(suspensions.at(-1)!)}`);
  }
  console.log(`approval → first mutual-TLS 200:  median ${s(median(approvals))}  p95 ${s(p95(approvals))}  max ${s(Math.max(...approvals))}`);
  console.log(`suspension → first 403:           median ${s(median(suspensions))}  p95 ${s(p95(suspensions))}  max ${s(Math.max(...suspensions))}`);
  const ok = p95(approvals) < 10_000 && p95(suspensions) < 10_000;
  console.log(ok ? "target met: p95 under 10 s for both" : "TARGET MISSED: p95 over 10 s");
  await db().$disconnect();
  process.exitCode = ok ? 0 : 1;
} finally {
  if (rig) await stopRig(rig);
  await portal?.close();
  await new Promise((resolve) => backend.close(resolve));
  await cluster.stop();
  rmSync(directory, { recursive: true, force: true });
}
