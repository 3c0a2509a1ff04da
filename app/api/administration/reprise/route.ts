import { importTrustSpaceFromUpload } from "@/lib/trust-space-import/import.server";
import { signedInUpload } from "@/lib/uploads/upload-endpoint.server";
import { TRUST_SPACE_IMPORT_UPLOAD } from "@/lib/uploads/upload-kinds";

export const dynamic = "force-dynamic";

/** The import form of /administration/reprise, read as a stream (ADR 0026). */
export function POST(request: Request): Promise<Response> {
  return signedInUpload(request, {
    kind: TRUST_SPACE_IMPORT_UPLOAD,
    handle: async ({ upload, actor, request: context }) => {
      const summary = await importTrustSpaceFromUpload(actor, upload, context);
      return { ok: true, ...summary, redirectTo: `/administration/reprise/${summary.importId}` };
    },
  });
}
