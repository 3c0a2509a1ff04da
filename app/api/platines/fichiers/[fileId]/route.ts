import { getActor } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { fileResponse } from "@/lib/files/stored-files.server";
import { platinesFileForDownload } from "@/lib/platines/submissions.server";

// A PLATINES report or evidence file, for members of the service's organisation and ANS reviewers. Anything else,
// including another organisation's file, answers 404 exactly like a missing one.
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Connexion requise.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { fileId } = await params;
  try {
    return fileResponse(await platinesFileForDownload(actor, fileId), "attachment");
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") {
      return new Response("Fichier introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
