import { getActor } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { fileResponse } from "@/lib/files/stored-files.server";
import { organizationEvidenceFile } from "@/lib/organizations/verification.server";

// An organisation's evidence PDF, shown inline, for its members and ANS reviewers; anyone else's answers 404.
export async function GET(_request: Request, { params }: { params: Promise<{ evidenceId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Connexion requise.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { evidenceId } = await params;
  try {
    return fileResponse(await organizationEvidenceFile(actor, evidenceId), "inline");
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return new Response("Justificatif introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
