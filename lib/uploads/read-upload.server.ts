import "server-only";
// Reads a multipart/form-data request body as a stream (ADR 0026): bytes are counted as they arrive and the reading
// stops at the first cap passed (the whole body, one file, the number of files or parts), before anything past it is
// held in memory. A body that stops arriving for `idleTimeoutMs` is given up. Files are kept in memory up to their
// caps, since they end in PostgreSQL (bytea) anyway; nothing is written anywhere by this reader.
import Busboy from "busboy";
import type { ReceivedFile, ReceivedUpload } from "./received-upload";
import { declaredLengthRefusal, isEmptyFilePart, maxBodyBytes, maxParts, refusal, UPLOAD_MESSAGES, UploadRefusal, type FileRule, type UploadKind } from "./upload-rules";

export { filesIn, textIn, type ReceivedFile, type ReceivedUpload } from "./received-upload";

export type ReadOptions = {
  /** Give up when no byte arrives for this long (30 s by default). */
  idleTimeoutMs?: number;
};

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

class FileCollector {
  private chunks: Buffer[] = [];
  size = 0;
  constructor(
    readonly rule: FileRule,
    readonly name: string,
  ) {}
  add(chunk: Buffer): UploadRefusal | null {
    this.size += chunk.length;
    if (this.size > this.rule.maxBytes) return refusal(413, this.rule.tooLarge(this.name), this.rule.field);
    this.chunks.push(chunk);
    return null;
  }
  bytes(): Uint8Array {
    const whole = Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
  }
}

/**
 * The fields and files of a multipart request of `kind`, or an UploadRefusal (413 past a cap, 400 for a malformed
 * body, 408 when the body stalls, 415 when it is not multipart). The Content-Length, when announced, is checked
 * before the first byte is read; the bytes are counted anyway, so a body longer than announced changes nothing.
 */
export async function readUpload(request: Request, kind: UploadKind, options: ReadOptions = {}): Promise<ReceivedUpload> {
  const limit = maxBodyBytes(kind);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) throw refusal(415, UPLOAD_MESSAGES.notMultipart);
  const announced = declaredLengthRefusal(request.headers.get("content-length"), limit);
  if (announced) throw announced;
  if (!request.body) throw refusal(400, UPLOAD_MESSAGES.malformed);

  const fields: Record<string, string> = {};
  const files: ReceivedFile[] = [];
  const counts = new Map<string, number>();
  // Set from the parser's callbacks: the first refusal wins.
  const state: { problem: UploadRefusal | null } = { problem: null };
  let textBytes = 0;
  const fail = (refused: UploadRefusal) => {
    state.problem ??= refused;
  };

  let parser: Busboy.Busboy;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: { fieldNameSize: 200, fieldSize: kind.maxTextBytes, fields: kind.textFields.length + 8, files: maxParts(kind), parts: maxParts(kind) },
    });
  } catch {
    throw refusal(400, UPLOAD_MESSAGES.malformed);
  }
  const pendingFiles: Promise<void>[] = [];
  parser.on("field", (name, value, info) => {
    if (!kind.textFields.includes(name)) return;
    textBytes += Buffer.byteLength(value);
    if (info.valueTruncated || textBytes > kind.maxTextBytes) return fail(refusal(413, UPLOAD_MESSAGES.bodyTooLarge(limit)));
    fields[name] ??= value;
  });
  parser.on("file", (name, stream, info) => {
    const rule = kind.files.find((r) => r.field === name);
    if (!rule || state.problem) {
      stream.resume();
      if (!rule && !isEmptyFilePartName(info.filename)) fail(refusal(400, UPLOAD_MESSAGES.unexpectedFile));
      return;
    }
    const collector = new FileCollector(rule, info.filename ?? "");
    pendingFiles.push(
      new Promise<void>((resolve) => {
        stream.on("data", (chunk: Buffer) => {
          if (state.problem) return;
          const refused = collector.add(chunk);
          if (refused) fail(refused);
        });
        stream.on("error", () => {
          fail(refusal(400, UPLOAD_MESSAGES.malformed));
          resolve();
        });
        stream.on("end", () => {
          if (!state.problem && !isEmptyFilePart(info.filename, collector.size)) {
            const count = (counts.get(name) ?? 0) + 1;
            counts.set(name, count);
            if (count > rule.maxCount) fail(refusal(413, rule.tooMany ?? UPLOAD_MESSAGES.tooManyFiles(rule.maxCount), name));
            else files.push({ field: name, name: collector.name, bytes: collector.bytes() });
          }
          resolve();
        });
      }),
    );
  });
  for (const event of ["partsLimit", "filesLimit", "fieldsLimit"] as const) parser.on(event, () => fail(refusal(413, UPLOAD_MESSAGES.tooManyParts)));
  const parsed = new Promise<void>((resolve) => {
    parser.on("error", () => {
      fail(refusal(400, UPLOAD_MESSAGES.malformed));
      resolve();
    });
    parser.on("close", () => resolve());
  });

  const reader = request.body.getReader();
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  let received = 0;
  try {
    for (;;) {
      const next = await readWithin(reader, idleMs);
      if (next === "stalled") {
        fail(refusal(408, UPLOAD_MESSAGES.stalled));
        break;
      }
      if (next.done) break;
      received += next.value.byteLength;
      // Parsed first (one chunk more at most), so that a file past its own cap is named under its field.
      if (!parser.write(next.value)) await new Promise((resolve) => parser.once("drain", resolve));
      // The parser hands file bytes to their streams on later ticks: let them count before reading more.
      await new Promise((resolve) => setImmediate(resolve));
      if (state.problem) break;
      if (received > limit) {
        fail(refusal(413, UPLOAD_MESSAGES.bodyTooLarge(limit)));
        break;
      }
    }
  } catch {
    // The client went away (cancelled, connection lost).
    fail(refusal(400, UPLOAD_MESSAGES.aborted));
  }
  if (state.problem) {
    // Stop reading: what is still on its way is dropped by the server, never kept.
    await reader.cancel().catch(() => undefined);
    parser.destroy();
    throw state.problem;
  }
  parser.end();
  await parsed;
  await Promise.all(pendingFiles);
  if (state.problem) throw state.problem;
  return { fields, files };
}

function isEmptyFilePartName(fileName: string | undefined): boolean {
  return fileName === undefined || fileName === "" || fileName === "undefined";
}

type Chunk = ReadableStreamReadResult<Uint8Array>;

/** The next chunk, or "stalled" when none comes in time. */
async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<Chunk | "stalled"> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<"stalled">((resolve) => {
    timer = setTimeout(() => resolve("stalled"), ms);
  });
  try {
    return await Promise.race([reader.read(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}
