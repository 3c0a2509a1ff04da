import "server-only";
import { db } from "../db.server";
import { readStoredFile } from "../files/stored-files.server";
import { parseAttestationContent } from "./attestation-content";
import { copyLinkState, hashSigningToken, isWellFormedSigningToken, type CopyLinkState } from "./signing-link";

// A client signatory's signed copy (issue 27): the personal link mailed at sealing time opens a page and downloads
// the sealed PDF for 30 days, without an account. The token is bound to one signatory's signature row: it shows
// that signatory's name, and reaches only the attestation they signed.

export type CopyLinkView =
  | { state: Exclude<CopyLinkState, "valid"> }
  | { state: "valid"; signerName: string; clientName: string; editorName: string; serviceName: string; sealedAt: Date; sealedSha256: string; expiresAt: Date };

async function copyLinkByToken(token: string) {
  if (!isWellFormedSigningToken(token)) return null;
  return db().attestationCopyLink.findUnique({
    where: { tokenHash: hashSigningToken(token) },
    select: {
      id: true,
      expiresAt: true,
      signature: { select: { signerName: true, status: true, round: { select: { content: true } } } },
      attestation: { select: { status: true, sealedFileId: true, sealedAt: true, sealedSha256: true } },
    },
  });
}

type CopyLinkRow = NonNullable<Awaited<ReturnType<typeof copyLinkByToken>>>;

function usable(link: CopyLinkRow | null, now: Date): CopyLinkState {
  if (!link || link.signature.status !== "SIGNED" || link.attestation.status !== "SEALED" || !link.attestation.sealedFileId) return "unknown";
  return copyLinkState(link, now);
}

/** What the download page shows: who the copy is for and the seal's fingerprint; for any other link, only which case. */
export async function copyLinkPage(token: string, now: Date = new Date()): Promise<CopyLinkView> {
  const link = await copyLinkByToken(token);
  const state = usable(link, now);
  if (state !== "valid" || !link) return { state: state === "valid" ? "unknown" : state };
  const content = parseAttestationContent(link.signature.round.content);
  return {
    state: "valid",
    signerName: link.signature.signerName,
    clientName: content.clientName,
    editorName: content.editorName,
    serviceName: content.serviceName,
    sealedAt: link.attestation.sealedAt!,
    sealedSha256: link.attestation.sealedSha256!,
    expiresAt: link.expiresAt,
  };
}

/** The sealed PDF for a valid copy link (the same checks as the page); null otherwise. Records the last use. */
export async function copyLinkDocument(token: string, now: Date = new Date()) {
  const link = await copyLinkByToken(token);
  if (usable(link, now) !== "valid" || !link) return null;
  await db().attestationCopyLink.update({ where: { id: link.id }, data: { lastUsedAt: now } });
  return readStoredFile(link.attestation.sealedFileId!);
}
