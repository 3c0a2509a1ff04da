import { describe, expect, it } from "vitest";
import { readUpload } from "./read-upload.server";
import { maxBodyBytes, UPLOAD_MESSAGES, UploadRefusal, type UploadKind } from "./upload-rules";

const KIND: UploadKind = {
  name: "test",
  files: [
    { field: "report", maxBytes: 1000, maxCount: 1, tooLarge: (name) => `« ${name} » dépasse 1000 octets.` },
    { field: "evidence", maxBytes: 5000, maxCount: 2, tooLarge: (name) => `La pièce « ${name} » est trop grosse.`, tooMany: "Deux pièces au plus." },
  ],
  textFields: ["planId", "note"],
  maxTextBytes: 200,
};
const LIMIT = maxBodyBytes(KIND);

/** A multipart body as a browser writes it. */
async function multipart(parts: ({ name: string; value: string } | { name: string; file: string; content: Uint8Array<ArrayBuffer> | string })[]) {
  const form = new FormData();
  for (const part of parts) {
    if ("value" in part) form.append(part.name, part.value);
    else form.append(part.name, new Blob([part.content]), part.file);
  }
  const request = new Request("http://portail.test/", { method: "POST", body: form });
  return { bytes: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

type Streamed = { request: Request; pulled: () => number };

/** A request whose body comes in chunks, counting what the reader pulled; `stallAfter` stops sending after that many bytes. */
function streamed(bytes: Uint8Array, contentType: string, options: { contentLength?: string; chunk?: number; stallAfter?: number } = {}): Streamed {
  let offset = 0;
  const chunk = options.chunk ?? 64 * 1024;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (options.stallAfter !== undefined && offset >= options.stallAfter) return new Promise(() => undefined);
      if (offset >= bytes.length) return controller.close();
      const end = Math.min(bytes.length, offset + chunk);
      controller.enqueue(bytes.slice(offset, end));
      offset = end;
    },
  });
  const headers = new Headers({ "content-type": contentType });
  if (options.contentLength !== undefined) headers.set("content-length", options.contentLength);
  const request = new Request("http://portail.test/", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => offset };
}

async function refusalOf(promise: Promise<unknown>): Promise<UploadRefusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UploadRefusal) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("readUpload", () => {
  it("hands back the expected text fields and files, dropping other fields and an empty file input", async () => {
    const { bytes, contentType } = await multipart([
      { name: "planId", value: "plan-1" },
      { name: "$ACTION_REF_1", value: "" },
      { name: "report", file: "rapport.xml", content: "<testsuites/>" },
      { name: "evidence", file: "", content: "" },
      { name: "evidence", file: "journaux é.zip", content: new Uint8Array([1, 2, 3]) },
    ]);
    const upload = await readUpload(streamed(bytes, contentType, { chunk: 7 }).request, KIND);
    expect(upload.fields).toEqual({ planId: "plan-1" });
    expect(upload.files.map((f) => [f.field, f.name, Buffer.from(f.bytes).toString("latin1")])).toEqual([
      ["report", "rapport.xml", "<testsuites/>"],
      ["evidence", "journaux é.zip", "\x01\x02\x03"],
    ]);
  });

  it("refuses an announced Content-Length above the cap before reading a byte", async () => {
    const { bytes, contentType } = await multipart([{ name: "ignored", value: "x".repeat(100_000) }]);
    const body = streamed(bytes, contentType, { contentLength: String(LIMIT + 1), chunk: 1024 });
    const refused = await refusalOf(readUpload(body.request, KIND));
    expect(refused.status).toBe(413);
    expect(refused.message).toBe(UPLOAD_MESSAGES.bodyTooLarge(LIMIT));
    // Only what the stream fetched on its own when it was made: one chunk.
    expect(body.pulled()).toBeLessThanOrEqual(1024);
  });

  it("counts the bytes of a body that announces no length, or lies about it, and stops at the cap", async () => {
    // A text part nobody expects: the body grows past the cap without any file or field passing its own.
    const { bytes, contentType } = await multipart([{ name: "ignored", value: "x".repeat(LIMIT * 2) }]);
    for (const contentLength of [undefined, "100"]) {
      const body = streamed(bytes, contentType, { contentLength, chunk: 1024 });
      const refused = await refusalOf(readUpload(body.request, KIND));
      expect(refused).toMatchObject({ status: 413, message: UPLOAD_MESSAGES.bodyTooLarge(LIMIT) });
      // Stopped at the cap (one chunk of slack, one prefetched), far from the end.
      expect(body.pulled()).toBeLessThanOrEqual(LIMIT + 2048);
    }
  });

  it("stops a file at its own cap with the field's message, before the rest is read", async () => {
    const big = new Uint8Array(200_000);
    const { bytes, contentType } = await multipart([{ name: "evidence", file: "gros.zip", content: big }]);
    const body = streamed(bytes, contentType, { chunk: 1024 });
    const refused = await refusalOf(readUpload(body.request, KIND));
    expect(refused).toMatchObject({ status: 413, field: "evidence", message: "La pièce « gros.zip » est trop grosse." });
    expect(body.pulled()).toBeLessThan(20_000);
  });

  it("refuses more files than a field allows, a file nobody expects, and too long a text", async () => {
    const three = await multipart(["a", "b", "c"].map((name) => ({ name: "evidence", file: `${name}.pdf`, content: "%PDF" })));
    expect(await refusalOf(readUpload(streamed(three.bytes, three.contentType).request, KIND))).toMatchObject({ status: 413, field: "evidence", message: "Deux pièces au plus." });
    const unexpected = await multipart([{ name: "autre", file: "a.exe", content: "MZ" }]);
    expect(await refusalOf(readUpload(streamed(unexpected.bytes, unexpected.contentType).request, KIND))).toMatchObject({ status: 400, message: UPLOAD_MESSAGES.unexpectedFile });
    const text = await multipart([{ name: "note", value: "é".repeat(150) }]);
    expect((await refusalOf(readUpload(streamed(text.bytes, text.contentType).request, KIND))).status).toBe(413);
  });

  it("gives up on a body that stops arriving, and refuses what is not multipart or is malformed", async () => {
    const { bytes, contentType } = await multipart([{ name: "report", file: "r.xml", content: "x".repeat(900) }]);
    const started = Date.now();
    const stalled = await refusalOf(readUpload(streamed(bytes, contentType, { chunk: 100, stallAfter: 300 }).request, KIND, { idleTimeoutMs: 150 }));
    expect(stalled).toMatchObject({ status: 408, message: UPLOAD_MESSAGES.stalled });
    expect(Date.now() - started).toBeLessThan(2_000);

    const json = new Request("http://portail.test/", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect((await refusalOf(readUpload(json, KIND))).status).toBe(415);
    const truncated = streamed(bytes.slice(0, bytes.length - 30), contentType);
    expect(await refusalOf(readUpload(truncated.request, KIND))).toMatchObject({ status: 400, message: UPLOAD_MESSAGES.malformed });
    const badLength = streamed(bytes, contentType, { contentLength: "douze" });
    expect((await refusalOf(readUpload(badLength.request, KIND))).status).toBe(400);
  });
});
