import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { ExampleBadge } from "@/components/platines/ExampleBadge";
import { PlanVerdictBadge } from "@/components/platines/PlanVerdictBadge";
import { SessionHistory } from "@/components/platines/SessionHistory";
import { SessionResults } from "@/components/platines/SessionResults";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { sessionResultsProps } from "@/lib/platines/session-view";
import { platinesReviewOf } from "@/lib/platines/submissions.server";
import { formatDateTime } from "@/lib/time";
import { plural } from "@/lib/vocabulary";
import { ValidatePlatinesForm } from "./validate-form";

export const metadata: Metadata = { title: "Résultats PLATINES — instruction" };

/** "1 plan satisfait et 0 validé par l'ANS sur 2 exigés." */
function platinesSummary(summary: { plansApplicable: number; plansSatisfied: number; plansValidated: number }): string {
  if (summary.plansApplicable === 0) return "Aucun plan de tests n'est exigé.";
  const validated = `${summary.plansValidated.toLocaleString("fr-FR")} ${summary.plansValidated > 1 ? "validés" : "validé"} par l'ANS`;
  return `${plural(summary.plansSatisfied, "plan satisfait", "plans satisfaits")} et ${validated} sur ${plural(summary.plansApplicable, "exigé", "exigés")}.`;
}

export default async function ReviewPlatinesPage({ params, searchParams }: { params: Promise<{ serviceId: string }>; searchParams: Promise<{ valide?: string | string[] }> }) {
  const { serviceId } = await params;
  const { valide } = await searchParams;
  const actor = await requirePermission({ type: "platines.validate" }, `/instruction/services/${encodeURIComponent(serviceId)}/platines`);
  const review = await platinesReviewOf(actor, serviceId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { service, plans, submissions, summary } = review;
  const history = submissions.filter((s) => !s.isLatestForPlan || !plans.some((p) => p.id === s.planId));
  const justValidated = typeof valide === "string" ? plans.find((p) => p.latest?.id === valide && p.latest.validation) : undefined;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Instruction", href: "/instruction" }, { label: service.name }, { label: "Résultats PLATINES" }]} />
      <PageHeading
        title={`Résultats PLATINES du service ${service.name}`}
        lead={`${service.organization.legalName} — profil demandé : ${service.requestedProfile.label}. ${platinesSummary(summary)}`}
      />
      {justValidated ? (
        <Alert variant="success" title={`Résultats du plan « ${justValidated.name} » validés`} live className="mb-8">
          La validation de l&apos;ANS est enregistrée pour la session {justValidated.latest!.sessionIdentifier} ; l&apos;éditeur et les autres instructeurs la voient.
        </Alert>
      ) : null}
      {plans.length === 0 && <Alert variant="info" title="Aucun test exigé">Aucun plan de tests actif ne s&apos;applique au profil demandé.</Alert>}
      <ul className="space-y-8">
        {plans.map((plan) => (
          <li key={plan.id}>
            <section aria-labelledby={`plan-${plan.id}`} className="border border-grey-200 p-4">
              <h2 id={`plan-${plan.id}`} className="text-xl font-bold">
                {plan.name}
              </h2>
              <p className="mt-2 flex flex-wrap gap-2">
                <PlanVerdictBadge state={plan.state} />
                {plan.isExample && <ExampleBadge />}
              </p>
              {plan.latest ? (
                <>
                  <div className="mt-4">
                    <SessionResults id={`revue-${plan.latest.id}`} title={`Dernière session : ${plan.latest.sessionIdentifier}`} {...sessionResultsProps(plan.latest)} />
                  </div>
                  <p className="mt-2 text-sm text-grey-800">
                    Chiffres bruts enregistrés au dépôt (version {plan.latest.atSubmission.planVersion} du plan) : {plan.latest.atSubmission.casesPassed} cas réussis sur{" "}
                    {plan.latest.atSubmission.totalCases}, plan {plan.latest.atSubmission.satisfied ? "satisfait" : "non satisfait"}.
                  </p>
                  {plan.latest.validation ? (
                    <Alert variant="success" title="Résultats validés par l'ANS" className="mt-4">
                      Le {formatDateTime(plan.latest.validation.at)} par {plan.latest.validation.by}
                      {plan.latest.validation.note ? ` : « ${plan.latest.validation.note} »` : "."}
                    </Alert>
                  ) : (
                    <ValidatePlatinesForm submissionId={plan.latest.id} planName={plan.name} satisfied={plan.state === "satisfied"} />
                  )}
                </>
              ) : (
                <p className="mt-4">Aucune session déposée pour ce plan.</p>
              )}
            </section>
          </li>
        ))}
      </ul>
      <SessionHistory history={history} idPrefix="historique" className="mt-12" />
    </div>
  );
}
