import type { Metadata } from "next";
import { GatewayEnforcement } from "@/components/whitelist/GatewayEnforcement";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CertificateChecks } from "@/components/certificates/CertificateChecks";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { ChangesTable, DossierSection, FactList, MessageThread, Timeline } from "@/components/review/DossierSections";
import { Alert } from "@/components/ui/Alert";
import { LongText } from "@/components/ui/LongText";
import { applicationForReview } from "@/lib/applications/application-view.server";
import { requirePermission } from "@/lib/auth/session.server";
import { ENVIRONMENT_LABELS } from "@/lib/certificates/certificate-upload-schema";
import { serviceCertificateRegistry } from "@/lib/certificates/service-certificates.server";
import { isAppError } from "@/lib/errors";
import { formatSiret } from "@/lib/organizations/formatting";
import { ROR_API_LABELS, SERVICE_PURPOSE_LABELS } from "@/lib/services/service-schema";
import { formatDate, formatDateTime } from "@/lib/time";
import { markRead } from "@/lib/review/unread.server";
import { reviewTeamView } from "@/lib/review/team-view.server";
import { ApproveForm, ReviewerMessageForm, TextDecisionForm } from "./review-forms";
import { AssignmentForms, InternalNoteForm } from "./team-forms";
import { profileName } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Dossier d'adhésion — instruction" };

const NOTICES: Record<string, string> = {
  "modifications-demandees": "Le dossier a été renvoyé à l'éditeur avec votre demande de modifications.",
  approuve: "Le dossier est approuvé : l'habilitation est accordée.",
  refuse: "Le dossier est refusé.",
  message: "Votre message a été envoyé à l'éditeur.",
  attribution: "L'attribution du dossier est enregistrée.",
  note: "Votre note interne est enregistrée : seule l'ANS la voit.",
};

const VERDICT_TEXT = { ok: "Conforme", warning: "Conforme avec avertissements", error: "Non conforme" } as const;
const VERDICT_STYLE = { ok: "border-success", warning: "border-warning bg-warning-light", error: "border-error bg-error-light" } as const;

const purposeLabel = (code: string) => SERVICE_PURPOSE_LABELS[code as keyof typeof SERVICE_PURPOSE_LABELS] ?? code;
const apiLabel = (code: string) => ROR_API_LABELS[code as keyof typeof ROR_API_LABELS] ?? code;

export default async function ReviewApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ applicationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { applicationId } = await params;
  const path = `/instruction/dossiers/${encodeURIComponent(applicationId)}`;
  const actor = await requirePermission({ type: "application.review" }, path);
  const data = await applicationForReview(actor, applicationId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { application: a, snapshot, latestChanges, submissions, timeline, messages, enrolment, amendedEnrolment, actions, profiles } = data;
  const team = await reviewTeamView(actor, a.id);
  await markRead(actor.userId, a.id);
  const fait = (await searchParams).fait;
  const notice = typeof fait === "string" ? NOTICES[fait] : undefined;

  // The checks run again on today's date and CA bundle, for the certificates of the snapshot.
  const registries = snapshot?.certificates.length
    ? await Promise.all(
        (["TEST", "PRODUCTION"] as const).map((env) => serviceCertificateRegistry(actor, a.serviceId, env).catch(() => null)),
      )
    : [];
  const liveChecks = new Map(registries.flatMap((r) => r?.certificates ?? []).map((c) => [c.fingerprintSha256, c]));
  const enrolmentLink = enrolment ?? amendedEnrolment;

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Instruction", href: "/instruction" }, { label: a.serviceName }]} />
      <PageHeading
        title={`Dossier : ${a.serviceName}`}
        lead={`${a.organizationName} — ${a.kindLabel}${a.amendmentReasonLabel ? ` (${a.amendmentReasonLabel})` : ""}, profil demandé ${a.requestedProfileCode}.`}
      />
      {notice && (
        <Alert variant="success" title={notice} className="mb-6" live />
      )}
      <FactList
        facts={[
          ["Statut", <strong key="s">{a.statusLabel}</strong>],
          ["Dernier dépôt", a.submittedAt ? `${formatDateTime(a.submittedAt)}${a.waitingLabel ? `, ${a.waitingLabel}` : ""}` : "—"],
          ["Dépôts", String(submissions.length)],
          ...(a.decidedAt ? ([["Décision", `${formatDateTime(a.decidedAt)}${a.decidedByName ? ` par ${a.decidedByName}` : ""}`]] as [string, string][]) : []),
          ...(a.decisionReason ? ([["Motif", <span key="m" className="whitespace-pre-wrap">{a.decisionReason}</span>]] as [string, React.ReactNode][]) : []),
          ...(a.amendmentNote ? ([["Note de l'éditeur", <span key="n" className="whitespace-pre-wrap">{a.amendmentNote}</span>]] as [string, React.ReactNode][]) : []),
        ]}
      />
      <DossierSection id="attribution" title="Attribution">
        <p className="mb-4">
          {team.assignee ? (
            <>
              Dossier suivi par <strong>{team.assignee.id === actor.userId ? `vous (${team.assignee.name})` : team.assignee.name}</strong>
              {team.assignee.since ? ` depuis le ${formatDateTime(team.assignee.since)}` : ""}. Lui seul reçoit les réponses de l&apos;éditeur et ses nouveaux dépôts.
            </>
          ) : (
            <>Dossier non attribué : tous les instructeurs reçoivent les réponses de l&apos;éditeur et ses nouveaux dépôts.</>
          )}
        </p>
        <AssignmentForms applicationId={a.id} assigneeId={team.assignee?.id ?? null} meId={actor.userId} reviewers={team.reviewers} />
        {team.assignments.length > 0 && (
          <details className="mt-4">
            <summary className="cursor-pointer font-semibold">Historique des attributions ({team.assignments.length})</summary>
            <ol className="mt-2 list-disc space-y-1 pl-6">
              {team.assignments.map((h, i) => (
                <li key={i}>
                  {formatDateTime(h.at)} : {h.toName ? `attribué à ${h.toName}` : "libéré (non attribué)"}
                  {h.byName ? ` par ${h.byName}` : ""}
                </li>
              ))}
            </ol>
          </details>
        )}
      </DossierSection>

      {enrolmentLink && (
        <p className="mt-4">
          <Link href={`/instruction/liste-blanche/${enrolmentLink.id}`}>
            Habilitation {enrolment ? "accordée par ce dossier" : "en vigueur modifiée par ce dossier"} ({enrolmentLink.statusLabel}) : suspendre, rétablir, révoquer, quotas
          </Link>
        </p>
      )}
      {enrolmentLink ? <GatewayEnforcement items={enrolmentLink.gateway} /> : null}

      {!snapshot ? (
        <Alert variant="warning" title="Instantané illisible" className="mt-6">
          L&apos;instantané du dernier dépôt ne peut pas être lu ; demandez à l&apos;éditeur de déposer à nouveau le dossier.
        </Alert>
      ) : (
        <>
          <DossierSection id="organisation" title="Organisation et service">
            <FactList
              facts={[
                ["Raison sociale", snapshot.organization.name],
                ["SIRET", formatSiret(snapshot.organization.siret)],
                ["Adresse", snapshot.organization.address],
                ["Service", snapshot.service.name],
                ["Logiciel", `${snapshot.service.softwareName} ${snapshot.service.softwareVersion}`],
                ["Description", <span key="d" className="whitespace-pre-wrap">{snapshot.service.description}</span>],
                ["Finalités", snapshot.service.purposes.map(purposeLabel).join(", ") || "—"],
                ["Utilisateurs", snapshot.service.users],
                ["API du ROR utilisées", snapshot.service.apis.map(apiLabel).join(", ") || "—"],
                ["Profil demandé", profileName(snapshot.service.requestedProfile.code, snapshot.service.requestedProfile.label)],
                ["Justification du profil", <span key="j" className="whitespace-pre-wrap">{snapshot.service.profileJustification || "—"}</span>],
              ]}
            />
          </DossierSection>

          <DossierSection id="url" title="URL déclarées">
            {snapshot.urls.length === 0 ? (
              <p>Aucune URL.</p>
            ) : (
              <ul className="list-disc space-y-1 pl-6">
                {snapshot.urls.map((u) => (
                  <li key={`${u.environment}-${u.url}`}>
                    {ENVIRONMENT_LABELS[u.environment]} : <span className="break-all font-mono">{u.url}</span>
                  </li>
                ))}
              </ul>
            )}
          </DossierSection>

          <DossierSection id="certificats" title="Certificats">
            {snapshot.certificates.length === 0 ? (
              <p>Aucun certificat dans ce dépôt.</p>
            ) : (
              <ul className="space-y-6">
                {snapshot.certificates.map((c) => {
                  const live = liveChecks.get(c.fingerprintSha256);
                  const verdict = c.verdict ?? "error";
                  return (
                    <li key={c.fingerprintSha256} className={`border-l-4 p-4 ${VERDICT_STYLE[verdict]}`}>
                      <p className="font-bold">
                        {ENVIRONMENT_LABELS[c.environment]} — vérifications au dépôt : {c.verdict ? VERDICT_TEXT[c.verdict] : "non évaluées"}
                      </p>
                      <FactList
                        facts={[
                          ["Sujet", <LongText key="s" text={c.subjectDn} />],
                          ["Émetteur", <LongText key="i" text={c.issuerDn} />],
                          ["Numéro de série", <span key="n" className="break-all font-mono text-sm">{c.serialNumber}</span>],
                          ["Empreinte SHA-256", <span key="f" className="break-all font-mono text-sm">{c.fingerprintSha256}</span>],
                          ["Valide", `du ${formatDate(new Date(c.notBefore))} au ${formatDate(new Date(c.notAfter))}`],
                        ]}
                      />
                      {live ? (
                        <details className="mt-2">
                          <summary className="cursor-pointer font-semibold">Vérifications refaites aujourd&apos;hui</summary>
                          <CertificateChecks report={live.report} headingLevel={3} />
                        </details>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </DossierSection>

          <DossierSection id="attestations" title="Attestations de client">
            {snapshot.attestations.length === 0 ? (
              <p>Aucune attestation dans ce dépôt.</p>
            ) : (
              <ul className="list-disc space-y-2 pl-6">
                {snapshot.attestations.map((att) => (
                  <li key={att.id}>
                    {att.clientName} :{" "}
                    <a href={`/api/attestations/${encodeURIComponent(att.id)}/scellee?affichage=en-ligne`} target="_blank" rel="noopener">
                      voir le PDF scellé<span className="sr-only"> de {att.clientName}</span> (nouvel onglet)
                    </a>{" "}
                    ·{" "}
                    <a href={`/api/attestations/${encodeURIComponent(att.id)}/scellee`}>
                      télécharger<span className="sr-only"> le PDF scellé de {att.clientName}</span>
                    </a>
                    <span className="block break-all text-sm text-grey-800">SHA-256 : {att.sealedSha256}</span>
                  </li>
                ))}
              </ul>
            )}
          </DossierSection>

          <DossierSection id="platines" title="Évaluation PLATINES">
            {snapshot.platines.length === 0 ? (
              <p>Aucun plan de tests n&apos;était exigé au dépôt.</p>
            ) : (
              <ul className="list-disc space-y-1 pl-6">
                {snapshot.platines.map((p) => (
                  <li key={p.planCode}>
                    {p.planLabel} : <strong>{p.verdictLabel}</strong>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-3">
              <Link href={`/instruction/services/${encodeURIComponent(a.serviceId)}/platines`}>Examiner les résultats PLATINES du service</Link>
            </p>
          </DossierSection>

          <DossierSection id="charte" title="Charte d'accès">
            <p>
              {snapshot.charter.version && snapshot.charter.acceptedAt
                ? `Version ${snapshot.charter.version} acceptée le ${formatDateTime(new Date(snapshot.charter.acceptedAt))}.`
                : "La charte n'était pas acceptée au dépôt."}
            </p>
          </DossierSection>
        </>
      )}

      <DossierSection id="changements" title="Changements depuis le dépôt précédent">
        {!latestChanges || latestChanges.changes === null ? (
          <p>Aucun dépôt précédent à comparer.</p>
        ) : latestChanges.changes.length === 0 ? (
          <p>Aucun changement par rapport au dépôt précédent.</p>
        ) : (
          <ChangesTable changes={latestChanges.changes} caption={`Changements du dépôt n° ${latestChanges.number}`} />
        )}
      </DossierSection>

      <DossierSection id="historique" title="Historique du dossier">
        <Timeline entries={timeline} />
      </DossierSection>

      <DossierSection id="notes-internes" title="Notes internes de l'ANS">
        <p className="mb-4 border-l-4 border-warning bg-warning-light p-3">Ces notes ne sont jamais montrées à l&apos;éditeur, ni dans ses courriels ni dans ses téléchargements.</p>
        {team.notes.length === 0 ? (
          <p>Aucune note interne pour le moment.</p>
        ) : (
          <ol className="space-y-4">
            {team.notes.map((n) => (
              <li key={n.id} className="border-l-4 border-grey-200 pl-4">
                <p className="text-sm text-grey-800">
                  {n.authorName}, le {formatDateTime(n.createdAt)}
                </p>
                <p className="mt-1 whitespace-pre-wrap">{n.body}</p>
              </li>
            ))}
          </ol>
        )}
        <InternalNoteForm applicationId={a.id} />
      </DossierSection>

      <DossierSection id="echanges" title="Échanges avec l'éditeur">
        <MessageThread messages={messages} />
        <ReviewerMessageForm applicationId={a.id} templates={team.templates} />
      </DossierSection>

      <DossierSection id="decision" title="Décision">
        {actions.length === 0 ? (
          <p>Aucune décision n&apos;est possible sur ce dossier dans son état actuel ({a.statusLabel.toLowerCase()}).</p>
        ) : (
          <div className="space-y-4">
            {actions.includes("requestChanges") && <TextDecisionForm decision="requestChanges" applicationId={a.id} version={a.version} templates={team.templates} />}
            {actions.includes("approve") && (
              <ApproveForm
                applicationId={a.id}
                version={a.version}
                requestedProfileCode={a.requestedProfileCode}
                profiles={profiles.map((p) => ({ id: p.id, code: p.code, label: p.label, quotas: p.quotas }))}
              />
            )}
            {actions.includes("refuse") && <TextDecisionForm decision="refuse" applicationId={a.id} version={a.version} />}
          </div>
        )}
      </DossierSection>
    </div>
  );
}
