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
import { MATCHING_RULE_TEXT } from "@/lib/platines/evaluation";
import { sessionResultsProps } from "@/lib/platines/session-view";
import { parisDay } from "@/lib/platines/submission-rules";
import { servicePlatinesPage } from "@/lib/platines/submissions.server";
import { PlatinesSubmissionForm } from "./submission-form";

export const metadata: Metadata = { title: "Résultats PLATINES" };

export default async function ServicePlatinesPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const actor = await requirePermission({ type: "editorSpace.view" }, `/editeur/services/${encodeURIComponent(serviceId)}/platines`);
  const page = await servicePlatinesPage(actor, serviceId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { service, plans, submissions, permissions } = page;
  const history = submissions.filter((s) => !s.isLatestForPlan || !plans.some((p) => p.id === s.planId));

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb
        items={[
          { label: "Espace éditeur", href: "/editeur" },
          { label: "Services numériques", href: `/editeur/services?organisation=${encodeURIComponent(service.organization.id)}` },
          { label: service.name, href: `/editeur/services/${service.id}` },
          { label: "Résultats PLATINES" },
        ]}
      />
      <PageHeading
        title={`Résultats PLATINES du service ${service.name}`}
        lead="Les tests d'interopérabilité que l'ANS exige sur PLATINES pour le profil demandé. Déposez le rapport JUnit de chaque session : un plan est satisfait par une session d'homologation dont tous les cas requis réussissent. La dernière session déposée pour un plan fait foi."
      />

      <section aria-labelledby="plans" className="mb-12">
        <h2 id="plans" className="text-2xl font-bold">
          Plans de tests exigés
        </h2>
        {plans.length === 0 ? (
          <p className="mt-4">Aucun test PLATINES n&apos;est exigé pour le profil demandé ({service.requestedProfile.label}).</p>
        ) : (
          <>
          <div className="mt-4 border-l-4 border-info bg-info-light p-4">
            <h3 className="font-bold">Comment les cas de test sont reconnus</h3>
            <p className="mt-1">{MATCHING_RULE_TEXT}</p>
            <p className="mt-1">
              Le squelette JUnit de chaque plan liste ses cas requis sous ce nom : faites porter ces noms aux cas de votre projet de tests.
            </p>
          </div>
          <ul className="mt-4 space-y-6">
            {plans.map((plan) => (
              <li key={plan.id} className="border border-grey-200 p-4">
                <h3 className="text-xl font-bold">{plan.name}</h3>
                <p className="mt-2 flex flex-wrap gap-2">
                  <PlanVerdictBadge state={plan.state} />
                  {plan.isExample && <ExampleBadge />}
                </p>
                <p className="mt-2 text-grey-800">{plan.description}</p>
                <details className="mt-2">
                  <summary className="cursor-pointer text-primary underline">Les {plan.cases.length} cas de test requis</summary>
                  <ul className="mt-2 list-disc pl-6">
                    {plan.cases.map((c) => (
                      <li key={c.identifier}>
                        <span className="font-mono">{c.identifier}</span> — {c.title}
                      </li>
                    ))}
                  </ul>
                </details>
                <p className="mt-2">
                  <a href={`/api/platines/plans/${encodeURIComponent(plan.id)}/squelette-junit`} download>
                    Télécharger le squelette JUnit des {plan.cases.length} cas requis<span className="sr-only"> du plan « {plan.name} »</span> (XML)
                  </a>
                </p>
                {plan.latest ? (
                  <div className="mt-4">
                    <SessionResults id={`plan-${plan.id}`} title={`Dernière session déposée : ${plan.latest.sessionIdentifier}`} {...sessionResultsProps(plan.latest)} headingLevel="h4" />
                  </div>
                ) : (
                  <p className="mt-4">Aucune session n&apos;a encore été déposée pour ce plan.</p>
                )}
              </li>
            ))}
          </ul>
          </>
        )}
      </section>

      {permissions.submit && plans.length > 0 && (
        <section aria-labelledby="depot" className="mb-12">
          <h2 id="depot" className="text-2xl font-bold">
            Déposer les résultats d&apos;une session
          </h2>
          <p className="mt-2 mb-6 text-grey-800">
            Les fichiers sont vérifiés avant tout enregistrement : un rapport illisible ou non conforme est refusé et rien n&apos;est conservé.
          </p>
          <PlatinesSubmissionForm serviceId={service.id} plans={plans.map((p) => ({ id: p.id, name: p.name }))} today={parisDay(new Date())} />
        </section>
      )}
      {!permissions.submit && (
        <Alert variant="info" title="Consultation seule" className="mb-12">
          Seuls les membres de l&apos;organisation peuvent déposer des résultats.
        </Alert>
      )}

      <SessionHistory history={history} idPrefix="session" />
    </div>
  );
}
