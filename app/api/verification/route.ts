import { VERIFICATION_ENDPOINT } from "@/lib/attestations/verification-upload.server";
import { publicUpload } from "@/lib/uploads/upload-endpoint.server";

export const dynamic = "force-dynamic";

/** The verification form's upload, read as a stream (ADR 0026). Public; limited per address when anonymous. */
export function POST(request: Request): Promise<Response> {
  return publicUpload(request, VERIFICATION_ENDPOINT);
}
