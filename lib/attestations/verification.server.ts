import "server-only";
// The public verification of an attestation: the uploaded PDF must carry this portal's intact seal AND be, byte
// for byte, a sealed attestation of the register (its SHA-256 is the stored sealedSha256). Read-only: nothing is
// written, the visitor is anonymous, and a refusal says what is wrong with the file, never what else exists.
import { db } from "../db.server";
import { AppError } from "../errors";
import { sha256Hex } from "../files/stored-files.server";
import { parseAttestationContent } from "./attestation-content";
import { trustedSealCertificates } from "./platform-seal.server";
import { verifySealedPdf } from "./seal-verification";
import {
  MAX_VERIFICATION_BYTES,
  refusal,
  sealRefusal,
  VERIFICATION_FILE_MESSAGES,
  type AttestationVerification,
} from "./verification-result";
import { chosenFile } from "../chosen-file";
import { requireCleanFiles } from "../uploads/malware-scan.server";

export const VERIFICATION_FILE_FIELD = "attestationFile";

function fileError(message: string): AppError {
  return new AppError("VALIDATION", message, { [VERIFICATION_FILE_FIELD]: message });
}

/**
 * Checks an uploaded file (a File from a form). Throws AppError VALIDATION, with the message on the file field,
 * when there is no file, it is empty, too large (checked before reading it) or not a PDF.
 */
export async function verifyAttestationUpload(file: unknown): Promise<AttestationVerification> {
  const chosen = file instanceof File ? chosenFile(file) : file instanceof Blob ? file : null;
  if (!chosen) throw fileError(VERIFICATION_FILE_MESSAGES.missing);
  if (chosen.size === 0) throw fileError(VERIFICATION_FILE_MESSAGES.empty);
  if (chosen.size > MAX_VERIFICATION_BYTES) throw fileError(VERIFICATION_FILE_MESSAGES.tooLarge);
  return verifyAttestationFile({ name: chosen instanceof File ? chosen.name : "attestation.pdf", bytes: new Uint8Array(await chosen.arrayBuffer()) });
}

/**
 * The same for a file already read (the streaming upload): missing, empty and too large are refused like above; the
 * file is scanned for malware (when clamd is configured) before its PDF structure is parsed.
 */
export async function verifyAttestationFile(file: { name: string; bytes: Uint8Array } | null): Promise<AttestationVerification> {
  if (!file) throw fileError(VERIFICATION_FILE_MESSAGES.missing);
  if (file.bytes.byteLength === 0) throw fileError(VERIFICATION_FILE_MESSAGES.empty);
  if (file.bytes.byteLength > MAX_VERIFICATION_BYTES) throw fileError(VERIFICATION_FILE_MESSAGES.tooLarge);
  await requireCleanFiles([{ field: VERIFICATION_FILE_FIELD, name: file.name, bytes: file.bytes }]);
  return verifyAttestationBytes(file.bytes);
}

export async function verifyAttestationBytes(bytes: Uint8Array): Promise<AttestationVerification> {
  if (bytes.length > MAX_VERIFICATION_BYTES) throw fileError(VERIFICATION_FILE_MESSAGES.tooLarge);
  const seal = await verifySealedPdf(bytes, await trustedSealCertificates());
  if (seal.status === "not-pdf") throw fileError(VERIFICATION_FILE_MESSAGES.notPdf);
  const sha256 = sha256Hex(bytes);
  const problem = sealRefusal(seal);
  if (problem) return refusal(problem, sha256);

  const attestation = await db().attestation.findFirst({
    where: { sealedSha256: sha256, status: "SEALED", sealedFileId: { not: null } },
    select: {
      sealedAt: true,
      rounds: {
        where: { closedReason: "sealed" },
        orderBy: { number: "desc" },
        take: 1,
        select: {
          content: true,
          signatures: {
            where: { status: "SIGNED" },
            select: { party: true, signerName: true, signerFunction: true, signedAt: true, position: true },
          },
        },
      },
    },
  });
  const round = attestation?.rounds[0];
  if (!attestation?.sealedAt || !round) return refusal("unknown-document", sha256);
  const content = parseAttestationContent(round.content);
  const partyOrder = { CLIENT: 0, EDITOR: 1 } as const;
  return {
    authentic: true,
    clientName: content.clientName,
    clientSiret: content.clientSiret,
    editorName: content.editorName,
    serviceName: content.serviceName,
    softwareVersion: content.softwareVersion,
    signers: round.signatures
      .filter((signature) => signature.signedAt !== null)
      .sort((a, b) => partyOrder[a.party] - partyOrder[b.party] || (a.position ?? 0) - (b.position ?? 0))
      .map((signature) => ({
        party: signature.party,
        name: signature.signerName,
        function: signature.signerFunction,
        signedAt: signature.signedAt!.toISOString(),
      })),
    sealedAt: attestation.sealedAt.toISOString(),
    sha256,
  };
}
