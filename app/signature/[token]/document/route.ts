import { signingLinkDocument } from "@/lib/attestations/signing.server";
import { fileResponse } from "@/lib/files/stored-files.server";

// The PDF as sent, for the holder of a valid signing link only; any other link gets the same 404.
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const file = await signingLinkDocument(token);
  if (!file) return new Response("Document introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return fileResponse(file, "attachment");
}
