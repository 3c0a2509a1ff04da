import { addCaCertificateFromForm } from "@/lib/certificates/ca-upload.server";
import { signedInUpload } from "@/lib/uploads/upload-endpoint.server";
import { CA_CERTIFICATE_UPLOAD } from "@/lib/uploads/upload-kinds";

export const dynamic = "force-dynamic";

/** The CA upload form of /administration/autorites, read as a stream (ADR 0026). */
export function POST(request: Request): Promise<Response> {
  return signedInUpload(request, {
    kind: CA_CERTIFICATE_UPLOAD,
    handle: async ({ upload, actor, request: context }) => ({ ok: true, ...(await addCaCertificateFromForm(actor, upload, context)) }),
  });
}
