import { anonymousLimitResponse } from "@/lib/anonymous-limit.server";
import { copyLinkDocument } from "@/lib/attestations/signed-copy.server";
import { fileResponse } from "@/lib/files/stored-files.server";
import { requestContextFrom } from "@/lib/request.server";

// The sealed PDF, for the holder of a valid copy link only (30 days); any other link gets the same 404. Limited per
// client address with the signing links (ADR 0027).
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const limited = await anonymousLimitResponse("signingLink", requestContextFrom(request.headers));
  if (limited) return limited;
  const { token } = await params;
  const file = await copyLinkDocument(token);
  if (!file) return new Response("Document introuvable ou lien expiré.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return fileResponse(file, "attachment");
}
