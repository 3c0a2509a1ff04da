import type { CertificateCheckReport, CheckVerdict } from "@/lib/certificates/certificate-policy";
import { CHECK_VERDICT_LABELS } from "@/lib/certificates/certificate-policy";
import { cx } from "../ui/cx";

const verdictStyles: Record<CheckVerdict, string> = {
  ok: "border-success bg-success-light",
  warning: "border-warning bg-warning-light",
  error: "border-error bg-error-light",
};

const verdictIcons: Record<CheckVerdict, string> = { ok: "✓", warning: "!", error: "✕" };

/** One line per check, verdict in words (never colour alone). */
export function CertificateChecks({ report, headingLevel = 3 }: { report: CertificateCheckReport; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-label="Vérifications du certificat" className="mt-4">
      <Heading className="text-lg font-bold">
        Vérifications : {CHECK_VERDICT_LABELS[report.verdict]}
      </Heading>
      <ul className="mt-2 space-y-2">
        {report.checks.map((check) => (
          <li key={check.id} className={cx("border-l-4 px-3 py-2", verdictStyles[check.verdict])}>
            <p className="font-semibold">
              <span aria-hidden="true" className="mr-2">
                {verdictIcons[check.verdict]}
              </span>
              {check.title} : {CHECK_VERDICT_LABELS[check.verdict]}
            </p>
            <p className="text-sm">{check.detail}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
