import { getSignedInAccount } from "@/lib/auth/session.server";
import { addCaCertificateFromForm } from "@/lib/certificates/ca-upload.server";
import { AppError } from "@/lib/errors";
import { staffStepUpMissing } from "@/lib/second-factor/second-factor.server";
import { STEP_UP_MESSAGE } from "@/lib/second-factor/step-up";
import { signedInUpload } from "@/lib/uploads/upload-endpoint.server";
import { CA_CERTIFICATE_UPLOAD } from "@/lib/uploads/upload-kinds";

export const dynamic = "force-dynamic";

/** The CA upload form of /administration/autorites, read as a stream (ADR 0026). */
export function POST(request: Request): Promise<Response> {
  return signedInUpload(request, {
    kind: CA_CERTIFICATE_UPLOAD,
    handle: async ({ upload, actor, request: context }) => {
      // A sensitive act (issue 19): 403 without a recent second-factor check, nothing added.
      if (staffStepUpMissing(actor, (await getSignedInAccount())?.secondFactorAt ?? null)) throw new AppError("FORBIDDEN", STEP_UP_MESSAGE);
      return { ok: true, ...(await addCaCertificateFromForm(actor, upload, context)) };
    },
  });
}
