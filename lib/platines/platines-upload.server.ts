import "server-only";
// A PLATINES session sent by the editor's upload form (ADR 0026): the fields, the report and the evidence read as
// a stream by POST /api/services/<id>/platines, or from the form posted without JavaScript.
import type { Actor } from "../auth/permissions";
import type { RequestContext } from "../request.server";
import { filesIn, textIn, type ReceivedFile, type ReceivedUpload } from "../uploads/read-upload.server";
import { submitPlatinesSession, type UploadedFile } from "./submissions.server";

function uploaded(file: ReceivedFile): UploadedFile {
  return { name: file.name, size: file.bytes.byteLength, read: async () => file.bytes };
}

export async function submitPlatinesFromForm(actor: Actor, serviceId: unknown, upload: ReceivedUpload, request: RequestContext) {
  const report = filesIn(upload, "report")[0];
  return submitPlatinesSession(
    actor,
    {
      fields: {
        serviceId,
        planId: textIn(upload, "planId"),
        sessionType: textIn(upload, "sessionType"),
        sessionIdentifier: textIn(upload, "sessionIdentifier"),
        ranOn: textIn(upload, "ranOn"),
      },
      report: report ? uploaded(report) : null,
      evidence: filesIn(upload, "evidence").map(uploaded),
    },
    request,
  );
}
