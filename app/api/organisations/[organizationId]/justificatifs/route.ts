import { revalidatePath } from "next/cache";
import { uploadOrganizationEvidence } from "@/lib/organizations/verification.server";
import { signedInUpload } from "@/lib/uploads/upload-endpoint.server";
import { ORGANIZATION_EVIDENCE_UPLOAD } from "@/lib/uploads/upload-kinds";

export const dynamic = "force-dynamic";

/** A register extract or a delegation of authority for ANS's verification (issue 22), read as a stream (ADR 0026). */
export async function POST(request: Request, { params }: { params: Promise<{ organizationId: string }> }): Promise<Response> {
  const { organizationId } = await params;
  return signedInUpload(request, {
    kind: ORGANIZATION_EVIDENCE_UPLOAD,
    handle: async ({ upload, actor, request: context }) => {
      const { evidenceId } = await uploadOrganizationEvidence(actor, organizationId, upload, context);
      revalidatePath("/editeur", "layout");
      return { ok: true, evidenceId, message: "Justificatif déposé : l'ANS le vérifiera." };
    },
  });
}
