import { anonymousLimitResponse } from "@/lib/anonymous-limit.server";
import { signingLinkDocument } from "@/lib/attestations/signing.server";
import { fileResponse } from "@/lib/files/stored-files.server";
import { requestContextFrom } from "@/lib/request.server";

// The PDF as sent, for the holder of a valid signing link only; any other link gets the same 404. Limited per client
// address with the signing page (ADR 0027).
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const limited = await anonymousLimitResponse("signingLink", requestContextFrom(request.headers));
  if (limited) return limited;
  const { token } = await params;
  const file = await signingLinkDocument(token);
  if (!file) return new Response("Document introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return fileResponse(file, "attachment");
}
