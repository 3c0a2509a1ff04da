import { revalidatePath } from "next/cache";
import { submitPlatinesFromForm } from "@/lib/platines/platines-upload.server";
import { signedInUpload } from "@/lib/uploads/upload-endpoint.server";
import { PLATINES_UPLOAD } from "@/lib/uploads/upload-kinds";

export const dynamic = "force-dynamic";

/** The PLATINES results form of a service: fields, report and evidence read as a stream (ADR 0026). */
export async function POST(request: Request, { params }: { params: Promise<{ serviceId: string }> }): Promise<Response> {
  const { serviceId } = await params;
  return signedInUpload(request, {
    kind: PLATINES_UPLOAD,
    handle: async ({ upload, actor, request: context }) => {
      const { satisfied } = await submitPlatinesFromForm(actor, serviceId, upload, context);
      revalidatePath(`/editeur/services/${serviceId}`, "layout");
      return { ok: true, satisfied };
    },
  });
}
