import { getSignedInAccount } from "@/lib/auth/session.server";
import { addCaCertificateFromForm } from "@/lib/certificates/ca-upload.server";
import { requireFreshSecondFactor } from "@/lib/second-factor/second-factor.server";
import { signedInUpload } from "@/lib/uploads/upload-endpoint.server";
import { CA_CERTIFICATE_UPLOAD } from "@/lib/uploads/upload-kinds";

export const dynamic = "force-dynamic";

/** The CA upload form of /administration/autorites, read as a stream (ADR 0026). */
export function POST(request: Request): Promise<Response> {
  return signedInUpload(request, {
    kind: CA_CERTIFICATE_UPLOAD,
    handle: async ({ upload, actor, request: context }) => {
      // A sensitive act (issue 19): 403 without a recent second-factor check, nothing added.
      requireFreshSecondFactor((await getSignedInAccount())?.secondFactorAt ?? null);
      return { ok: true, ...(await addCaCertificateFromForm(actor, upload, context)) };
    },
  });
}
