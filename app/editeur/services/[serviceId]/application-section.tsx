import Link from "next/link";
import type { serviceApplications } from "@/lib/applications/service-applications.server";
import { editorApplicationPath } from "@/lib/paths";
import { formatDate } from "@/lib/time";
import { AmendmentForm, CreateDraftButton, RenewCertificateButton } from "./application-actions";

type Data = Awaited<ReturnType<typeof serviceApplications>>;

/** The service's "Dossier d'adhésion": its open dossier, the enrolment in force, the history, and how to start one. */
export function ApplicationSection({ serviceId, data }: { serviceId: string; data: Data }) {
  const { openApplication, enrolmentInForce, history, may } = data;
  return (
    <section id="dossier" aria-labelledby="dossier-titre" className="mb-12 scroll-mt-8 border border-grey-200 p-6">
      <h2 id="dossier-titre" className="mb-4 text-2xl font-bold">
        Dossier d&apos;adhésion
      </h2>

      {enrolmentInForce ? (
        <div className="mb-6">
          <h3 className="mb-2 text-xl font-bold">Habilitation en vigueur</h3>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <dt className="font-bold">Statut</dt>
            <dd>{enrolmentInForce.statusLabel}</dd>
            <dt className="font-bold">Profil d&apos;accès</dt>
            <dd>Profil {enrolmentInForce.accessProfileCode}</dd>
            <dt className="font-bold">Quotas de niveau 2</dt>
            <dd>
              {enrolmentInForce.level2AuthenticatedPerSecond} appels par seconde authentifiés, {enrolmentInForce.level2PublicPerSecond} appels par
              seconde publics
            </dd>
            <dt className="font-bold">Depuis le</dt>
            <dd>{formatDate(enrolmentInForce.approvedAt)}</dd>
          </dl>
          <p className="mt-2">
            <Link href={editorApplicationPath(enrolmentInForce.applicationId)} className="font-medium text-primary underline">
              Voir le dossier qui l&apos;a accordée
            </Link>
          </p>
        </div>
      ) : (
        <p className="mb-6 text-grey-800">Ce service n&apos;a pas d&apos;habilitation en vigueur.</p>
      )}

      {openApplication ? (
        <div className="mb-6">
          <h3 className="mb-2 text-xl font-bold">Dossier en cours</h3>
          <p>
            {openApplication.kindLabel}
            {openApplication.amendmentReasonLabel ? ` (${openApplication.amendmentReasonLabel.toLowerCase()})` : ""} — statut :{" "}
            <span className="font-bold">{openApplication.statusLabel}</span>
          </p>
          <p className="mt-2">
            <Link href={editorApplicationPath(openApplication.id)} className="font-medium text-primary underline">
              Ouvrir le dossier en cours
            </Link>
          </p>
        </div>
      ) : null}

      {may.createDraft ? (
        <div className="mb-6">
          <p className="mb-3">Quand le service est prêt, créez son dossier d&apos;adhésion : vous le déposerez une fois toutes les pièces réunies.</p>
          <CreateDraftButton serviceId={serviceId} />
        </div>
      ) : null}

      {may.openAmendment ? (
        <div className="mb-6 space-y-4">
          <p>
            Toute évolution du service habilité (certificat, URL, fonctions, profil) passe par une demande de modification, instruite par
            l&apos;ANS pendant que l&apos;habilitation actuelle reste en vigueur. Pour un nouveau certificat, déposez-le d&apos;abord, puis
            renouvelez en un clic.
          </p>
          <RenewCertificateButton serviceId={serviceId} />
          <AmendmentForm serviceId={serviceId} />
        </div>
      ) : null}

      {history.length > 0 ? (
        <div>
          <h3 className="mb-2 text-xl font-bold">Dossiers précédents</h3>
          <ul className="space-y-2">
            {history.map((a) => (
              <li key={a.id}>
                <Link href={editorApplicationPath(a.id)} className="text-primary underline">
                  {a.kindLabel} du {formatDate(a.createdAt)}
                </Link>{" "}
                — {a.statusLabel}
                {a.decidedAt ? `, le ${formatDate(a.decidedAt)}` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
