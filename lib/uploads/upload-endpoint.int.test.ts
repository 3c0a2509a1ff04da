// The upload route handlers' whole work against a real PostgreSQL, as an attacker and as an editor would send:
// origin and session checked before any byte is read, bodies too big (announced or not, lying or not) refused with a
// French 413 before they are buffered, a stalled or cut upload leaving nothing stored, anonymous verifications
// limited per address, and a real submission stored.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ANONYMOUS_LIMITS } from "../anonymous-limit";
import { VERIFICATION_ENDPOINT } from "../attestations/verification-upload.server";
import { VERIFICATION_FILE_MESSAGES } from "../attestations/verification-result";
import type { SignedInActor } from "../auth/session.server";
import { PEER_ADDRESS_HEADER } from "../client-address";
import { db } from "../db.server";
import { submitPlatinesFromForm } from "../platines/platines-upload.server";
import { SUBMISSION_ERRORS } from "../platines/submission-rules";
import { serviceWithExamplePlan } from "../testing/application-fixtures.server";
import { publicUpload, signedInUpload, type SignedInUpload } from "./upload-endpoint.server";
import { PLATINES_UPLOAD, VERIFICATION_UPLOAD } from "./upload-kinds";
import { maxBodyBytes, UPLOAD_MESSAGES } from "./upload-rules";

const ORIGIN = "http://portail.test";
const MiB = 1024 * 1024;

type Body = { stream: ReadableStream<Uint8Array>; pulled: () => number };

/** A body made on the fly (nothing preallocated), `size` bytes after `head`, `chunk` at a time; it may stall. */
function body(head: Uint8Array, size: number, options: { tail?: Uint8Array; chunk?: number; stallAfter?: number; failAfter?: number } = {}): Body {
  const chunk = options.chunk ?? 64 * 1024;
  const tail = options.tail ?? new Uint8Array();
  const total = head.length + size + tail.length;
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (options.failAfter !== undefined && offset >= options.failAfter) return controller.error(new Error("connexion coupée"));
      if (options.stallAfter !== undefined && offset >= options.stallAfter) return new Promise(() => undefined);
      if (offset >= total) return controller.close();
      const length = Math.min(chunk, total - offset);
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        const at = offset + i;
        out[i] = at < head.length ? head[at]! : at < head.length + size ? 0x20 : tail[at - head.length - size]!;
      }
      controller.enqueue(out);
      offset += length;
    },
  });
  return { stream, pulled: () => offset };
}

const BOUNDARY = "----portail-test-boundary";
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
const encoder = new TextEncoder();
const fieldPart = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = (name: string, fileName: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
const END = `\r\n--${BOUNDARY}--\r\n`;

function post(url: string, stream: ReadableStream<Uint8Array> | Uint8Array, headers: Record<string, string> = {}, address = "192.0.2.50"): Request {
  return new Request(`${ORIGIN}${url}`, {
    method: "POST",
    body: stream,
    headers: { origin: ORIGIN, host: "portail.test", "content-type": CONTENT_TYPE, [PEER_ADDRESS_HEADER]: address, ...headers },
    duplex: "half",
  } as RequestInit);
}

async function problem(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as { status: number; title: string; detail: string; fieldErrors?: Record<string, string> };
}

const anonymous = { actor: async () => null };

describe("POST /api/verification (anonymous, streamed)", () => {
  it("refuses a cross-site request before reading its body", async () => {
    const sent = body(encoder.encode(fileHead("attestationFile", "a.pdf")), 1000, { tail: encoder.encode(END) });
    const response = await publicUpload(post("/api/verification", sent.stream, { origin: "https://attaquant.example" }), VERIFICATION_ENDPOINT, anonymous);
    expect(response.status).toBe(403);
    expect((await problem(response)).detail).toBe(UPLOAD_MESSAGES.crossSite);
    expect(sent.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it("answers 413, not 500, to an 80 MB body announced, and to a 60 MB body that announces nothing or lies, without buffering it", async () => {
    const limit = maxBodyBytes(VERIFICATION_UPLOAD);
    const announced = body(encoder.encode(fileHead("attestationFile", "gros.pdf")), 80 * 1000 * 1000);
    const refused = await publicUpload(post("/api/verification", announced.stream, { "content-length": String(80 * 1000 * 1000) }, "192.0.2.51"), VERIFICATION_ENDPOINT, anonymous);
    expect(refused.status).toBe(413);
    expect((await problem(refused)).detail).toBe(UPLOAD_MESSAGES.bodyTooLarge(limit));
    expect(announced.pulled()).toBeLessThanOrEqual(64 * 1024);

    const rssBefore = process.memoryUsage().rss;
    for (const headers of [{}, { "content-length": "2000" }] as Record<string, string>[]) {
      const sent = body(encoder.encode(fileHead("attestationFile", "gros.pdf")), 60 * 1000 * 1000);
      const response = await publicUpload(post("/api/verification", sent.stream, headers, "192.0.2.52"), VERIFICATION_ENDPOINT, anonymous);
      expect(response.status).toBe(413);
      expect((await problem(response)).fieldErrors).toEqual({ attestationFile: VERIFICATION_FILE_MESSAGES.tooLarge });
      // Read up to the file's cap and a chunk (and the chunk the stream fetches ahead), never the whole 60 MB.
      expect(sent.pulled()).toBeLessThanOrEqual(limit + 2 * 64 * 1024);
    }
    // What was read was let go: resident memory grew by less than one body (60 MB = 57.2 MiB). The exact proof is the
    // bytes pulled above; the resident size also holds what the collector has not taken back yet (44.6 MiB was seen
    // once on a loaded machine, hence no tighter bound).
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(56 * MiB);
  });

  it("limits anonymous verifications per address: 200 in a minute get 429 after the limit, with Retry-After", async () => {
    const notPdf = encoder.encode(`${fileHead("attestationFile", "a.pdf")}<html>Bonjour</html>${END}`);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 200; i++) {
      last = await publicUpload(post("/api/verification", notPdf, {}, "198.51.100.20"), VERIFICATION_ENDPOINT, anonymous);
      statuses.push(last.status);
      if (last.status === 422) await last.body?.cancel();
    }
    const max = ANONYMOUS_LIMITS.verification.max;
    expect(statuses.slice(0, max).every((status) => status === 422)).toBe(true);
    expect(statuses.slice(max).every((status) => status === 429)).toBe(true);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await problem(last!)).detail).toMatch(/^Trop de demandes depuis votre adresse réseau\. Réessayez dans \d+ (secondes?|minutes?)\.$/);
    // Another address, and a signed-in person at the same address, are not held back.
    expect((await publicUpload(post("/api/verification", notPdf, {}, "198.51.100.21"), VERIFICATION_ENDPOINT, anonymous)).status).toBe(422);
    const signedIn = { actor: async () => ({ userId: "00000000-0000-4000-8000-000000000000", roles: [], memberships: [], name: "A", email: "a@exemple.fr" }) as SignedInActor };
    expect((await publicUpload(post("/api/verification", notPdf, {}, "198.51.100.20"), VERIFICATION_ENDPOINT, signedIn)).status).toBe(422);
  });
});

describe("POST /api/services/<id>/platines (signed in, streamed)", () => {
  const fixture = (name: string) => readFileSync(new URL(`../platines/fixtures/${name}`, import.meta.url));
  const now = new Date();
  const ranOn = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);

  async function editorWithService() {
    const { organization, serviceId, plan } = await serviceWithExamplePlan("Éditeur Flux SAS", "Service flux");
    const actor: SignedInActor = { ...organization.actor, name: "Fondatrice Test", email: organization.email };
    const endpoint: SignedInUpload<{ ok: true; satisfied: boolean }> = {
      kind: PLATINES_UPLOAD,
      handle: async ({ upload, actor: who, request }) => ({ ok: true, satisfied: (await submitPlatinesFromForm(who, serviceId, upload, request)).satisfied }),
    };
    const fields = fieldPart("planId", plan.id) + fieldPart("sessionType", "CERTIFICATION") + fieldPart("sessionIdentifier", "SESSION-FLUX") + fieldPart("ranOn", ranOn);
    return { actor, serviceId, endpoint, fields };
  }

  const stored = async () => ({ submissions: await db().platinesSubmission.count(), files: await db().storedFile.count() });

  it("stores a session sent as a stream, and refuses the signed-out before reading the body", async () => {
    const { actor, endpoint, fields } = await editorWithService();
    const report = fixture("homologation-recherche-lecture-succes.xml");
    const whole = Buffer.concat([encoder.encode(fields + fileHead("report", "rapport.xml")), report, encoder.encode(`\r\n${fileHead("evidence", "journaux.txt")}journal${END}`)]);
    const signedOut = body(whole, 0, { chunk: 100 });
    const refused = await signedInUpload(post("/api/services/x/platines", signedOut.stream), endpoint, { actor: async () => null });
    expect(refused.status).toBe(401);
    expect((await problem(refused)).detail).toBe(UPLOAD_MESSAGES.signedOut);
    expect(signedOut.pulled()).toBeLessThanOrEqual(100);

    const before = await stored();
    const response = await signedInUpload(post("/api/services/x/platines", body(whole, 0, { chunk: 1000 }).stream), endpoint, { actor: async () => actor });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, satisfied: true });
    expect(await stored()).toEqual({ submissions: before.submissions + 1, files: before.files + 2 });
  });

  it("stores nothing when the upload stalls, is cut, or carries an evidence file over 20 MiB", async () => {
    const { actor, endpoint, fields } = await editorWithService();
    const before = await stored();
    const head = encoder.encode(fields + fileHead("report", "rapport.xml"));
    const report = fixture("homologation-recherche-lecture-succes.xml");
    const whole = Buffer.concat([head, report, encoder.encode(END)]);

    const started = Date.now();
    const stalled = await signedInUpload(post("/api/services/x/platines", body(whole, 0, { chunk: 200, stallAfter: 600 }).stream), endpoint, { actor: async () => actor, idleTimeoutMs: 300 });
    expect(stalled.status).toBe(408);
    expect((await problem(stalled)).detail).toBe(UPLOAD_MESSAGES.stalled);
    expect(Date.now() - started).toBeLessThan(5_000);

    const cut = await signedInUpload(post("/api/services/x/platines", body(whole, 0, { chunk: 200, failAfter: 600 }).stream), endpoint, { actor: async () => actor });
    expect(cut.status).toBe(400);
    expect((await problem(cut)).detail).toBe(UPLOAD_MESSAGES.aborted);

    const evidence = body(Buffer.concat([head, report, encoder.encode(`\r\n${fileHead("evidence", "journaux.zip")}`)]), 20 * MiB + 1, { tail: encoder.encode(END) });
    const big = await signedInUpload(post("/api/services/x/platines", evidence.stream), endpoint, { actor: async () => actor });
    expect(big.status).toBe(413);
    expect((await problem(big)).fieldErrors).toEqual({ evidence: SUBMISSION_ERRORS.evidenceTooLarge("journaux.zip") });

    expect(await stored()).toEqual(before);
  });
});
