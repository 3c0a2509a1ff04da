// Pure: the one home of what each upload form sends (ADR 0026). The caps come from each area's own rules; this file
// only gathers them, so that the streaming route handlers, the small server-action path and the forms agree.
import { MAX_VERIFICATION_BYTES, VERIFICATION_FILE_MESSAGES } from "../attestations/verification-result";
import { CA_BUNDLE_ERRORS, CA_UPLOAD_MAX_BYTES } from "../certificates/ca-bundle-messages";
import { CERTIFICATE_INPUT_ERRORS, MAX_CERTIFICATE_FILE_BYTES } from "../certificates/certificate-input";
import { JUNIT_REPORT_ERRORS } from "../platines/junit-report";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, MAX_JUNIT_REPORT_BYTES, SUBMISSION_ERRORS } from "../platines/submission-rules";
import { EVIDENCE_MESSAGES, MAX_EVIDENCE_PDF_BYTES } from "../organizations/evidence-rules";
import { IMPORT_MAX_BYTES } from "../trust-space-import/import-rules";
import type { UploadKind } from "./upload-rules";

/** The public verification of a sealed attestation: one PDF, nothing else. */
export const VERIFICATION_UPLOAD: UploadKind = {
  name: "verification",
  files: [{ field: "attestationFile", maxBytes: MAX_VERIFICATION_BYTES, maxCount: 1, tooLarge: () => VERIFICATION_FILE_MESSAGES.tooLarge }],
  textFields: [],
  maxTextBytes: 1024,
};

/** A service's client certificate: a file, or PEM text pasted (at most twice the file cap, as the schema says). */
export const SERVICE_CERTIFICATE_UPLOAD: UploadKind = {
  name: "service-certificate",
  files: [{ field: "certificateFile", maxBytes: MAX_CERTIFICATE_FILE_BYTES, maxCount: 1, tooLarge: () => CERTIFICATE_INPUT_ERRORS.tooLarge }],
  textFields: ["environment", "certificateText"],
  maxTextBytes: 2 * MAX_CERTIFICATE_FILE_BYTES * 4 + 1024,
};

/** A CA certificate for one environment's bundle: a file, or PEM text pasted. */
export const CA_CERTIFICATE_UPLOAD: UploadKind = {
  name: "ca-certificate",
  files: [{ field: "file", maxBytes: CA_UPLOAD_MAX_BYTES, maxCount: 1, tooLarge: () => CA_BUNDLE_ERRORS.tooLarge }],
  textFields: ["environment", "pem"],
  maxTextBytes: 2 * CA_UPLOAD_MAX_BYTES * 4 + 1024,
};

/** A PLATINES session: its fields, the JUnit report and up to three evidence files. */
export const PLATINES_UPLOAD: UploadKind = {
  name: "platines",
  files: [
    { field: "report", maxBytes: MAX_JUNIT_REPORT_BYTES, maxCount: 1, tooLarge: () => JUNIT_REPORT_ERRORS.tooLarge },
    {
      field: "evidence",
      maxBytes: MAX_EVIDENCE_BYTES,
      maxCount: MAX_EVIDENCE_FILES,
      tooLarge: SUBMISSION_ERRORS.evidenceTooLarge,
      tooMany: SUBMISSION_ERRORS.tooManyEvidence,
    },
  ],
  textFields: ["planId", "sessionType", "sessionIdentifier", "ranOn"],
  maxTextBytes: 4 * 1024,
};

/** An organisation's evidence for ANS's verification (issue 22): one PDF, its kind and its date. */
export const ORGANIZATION_EVIDENCE_UPLOAD: UploadKind = {
  name: "organization-evidence",
  files: [{ field: "document", maxBytes: MAX_EVIDENCE_PDF_BYTES, maxCount: 1, tooLarge: EVIDENCE_MESSAGES.tooLarge }],
  textFields: ["kind", "documentDate"],
  maxTextBytes: 1024,
};

/** The existing trust space's whitelist, for its import by an administrator (issue 25): one CSV file. */
export const TRUST_SPACE_IMPORT_UPLOAD: UploadKind = {
  name: "trust-space-import",
  files: [{ field: "file", maxBytes: IMPORT_MAX_BYTES, maxCount: 1, tooLarge: () => "Le fichier dépasse 5 Mio." }],
  textFields: [],
  maxTextBytes: 1024,
};
