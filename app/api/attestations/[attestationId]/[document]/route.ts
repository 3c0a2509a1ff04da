import { attestationFile, attestationPreview } from "@/lib/attestations/attestations.server";
import { getActor } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { fileResponse } from "@/lib/files/stored-files.server";

// Downloads of an attestation's PDFs, for members of its organisation and ANS reviewers. Someone else's
// attestation answers exactly like a missing one (404).

const notFound = () => new Response("Document introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(request: Request, { params }: { params: Promise<{ attestationId: string; document: string }> }) {
  const { attestationId, document } = await params;
  const actor = await getActor();
  if (!actor) return new Response("Connectez-vous pour télécharger ce document.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  // "?affichage=en-ligne" shows a PDF in the browser (same authorization); a download otherwise.
  const disposition = new URL(request.url).searchParams.get("affichage") === "en-ligne" ? "inline" : "attachment";
  try {
    switch (document) {
      case "apercu":
        return fileResponse(await attestationPreview(actor, attestationId), "inline");
      case "envoyee":
        return fileResponse(await attestationFile(actor, attestationId, "sent"), disposition);
      case "scellee":
        return fileResponse(await attestationFile(actor, attestationId, "sealed"), disposition);
      default:
        return notFound();
    }
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return notFound();
    throw error;
  }
}
