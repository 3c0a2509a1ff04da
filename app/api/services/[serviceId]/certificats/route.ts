import { revalidatePath } from "next/cache";
import { uploadCertificateFromForm } from "@/lib/certificates/certificate-upload.server";
import { signedInUpload } from "@/lib/uploads/upload-endpoint.server";
import { SERVICE_CERTIFICATE_UPLOAD } from "@/lib/uploads/upload-kinds";

export const dynamic = "force-dynamic";

/** The certificate upload form of a service, read as a stream (ADR 0026). */
export async function POST(request: Request, { params }: { params: Promise<{ serviceId: string }> }): Promise<Response> {
  const { serviceId } = await params;
  return signedInUpload(request, {
    kind: SERVICE_CERTIFICATE_UPLOAD,
    handle: async ({ upload, actor, request: context }) => {
      const state = await uploadCertificateFromForm(actor, serviceId, upload, context);
      if (state.ok) revalidatePath(`/editeur/services/${serviceId}`, "layout");
      return state;
    },
    status: (state) => (state.ok ? 200 : 422),
  });
}
