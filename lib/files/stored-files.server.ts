import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db.server";
import type { Prisma } from "../generated/prisma/client";
import { contentDisposition, safeFileName } from "./content-disposition";

export type StoredFileInput = {
  fileName: string;
  mediaType: string;
  content: Uint8Array;
  createdById?: string | null;
};

export function sha256Hex(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Stores a file inside the caller's transaction, with its size and SHA-256. Size limits are the caller's rule. */
export async function storeFile(tx: Prisma.TransactionClient, input: StoredFileInput) {
  return tx.storedFile.create({
    data: {
      fileName: safeFileName(input.fileName),
      mediaType: input.mediaType,
      size: input.content.byteLength,
      sha256: sha256Hex(input.content),
      content: new Uint8Array(input.content),
      createdById: input.createdById ?? null,
    },
    select: { id: true, fileName: true, mediaType: true, size: true, sha256: true },
  });
}

/** The file's bytes and metadata. Authorization is the caller's: call this only after checking who asks. */
export async function readStoredFile(id: string) {
  return db().storedFile.findUnique({
    where: { id },
    select: { id: true, fileName: true, mediaType: true, size: true, sha256: true, content: true },
  });
}

/** A download response: exact type and length, a readable name, never cached by shared caches, never sniffed. */
export function fileResponse(
  file: { fileName: string; mediaType: string; content: Uint8Array },
  disposition: "attachment" | "inline" = "attachment",
): Response {
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": contentDisposition(file.fileName, disposition),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
