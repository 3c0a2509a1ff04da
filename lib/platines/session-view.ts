// What the session component shows of a submission, in French. Pure.
import { formatDate, formatDateTime } from "../time";
import { SESSION_TYPE_LABELS, type PlatinesEvaluation, type PlatinesSessionType } from "./evaluation";
import { formatBytes } from "./submission-rules";

export type SessionViewInput = {
  planName: string;
  sessionType: PlatinesSessionType;
  sessionIdentifier: string;
  ranOn: Date;
  submittedAt: Date;
  submittedBy: string;
  validation: { by: string; at: Date; note: string | null } | null;
  evaluation: PlatinesEvaluation | null;
  reportFile: { id: string; fileName: string; size: number };
  evidence: { id: string; fileName: string; size: number }[];
};

/** Where a PLATINES report or evidence file is downloaded (authorized by the route handler). */
export function platinesFileHref(fileId: string): string {
  return `/api/platines/fichiers/${encodeURIComponent(fileId)}`;
}

export function sessionResultsProps(submission: SessionViewInput) {
  return {
    facts: [
      { label: "Plan de tests", value: submission.planName },
      { label: "Type de session", value: SESSION_TYPE_LABELS[submission.sessionType] },
      { label: "Identifiant de session", value: submission.sessionIdentifier },
      // ranOn is a calendar date stored at midnight UTC: shown as that day.
      { label: "Exécutée le", value: formatDate(new Date(submission.ranOn.getTime() + 12 * 3_600_000)) },
      { label: "Déposée le", value: `${formatDateTime(submission.submittedAt)} par ${submission.submittedBy}` },
      {
        label: "Validation ANS",
        value: submission.validation
          ? `Validée le ${formatDateTime(submission.validation.at)} par ${submission.validation.by}${submission.validation.note ? ` — « ${submission.validation.note} »` : ""}`
          : "Pas encore validée",
      },
    ],
    evaluation: submission.evaluation,
    reportFile: { href: platinesFileHref(submission.reportFile.id), fileName: submission.reportFile.fileName, sizeLabel: formatBytes(submission.reportFile.size) },
    evidence: submission.evidence.map((file) => ({ href: platinesFileHref(file.id), fileName: file.fileName, sizeLabel: formatBytes(file.size) })),
  };
}
