import type { Metadata } from "next";
import { GatewayEnforcement } from "@/components/whitelist/GatewayEnforcement";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicationChecklist } from "@/components/applications/ApplicationChecklist";
import { ApplicationTimeline } from "@/components/applications/ApplicationTimeline";
import { EnrolmentGrantFacts, type GrantFacts } from "@/components/applications/EnrolmentGrantFacts";
import { MessageThread } from "@/components/applications/MessageThread";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { ChangedText } from "@/components/review/ChangedText";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { NoticeArea } from "@/components/ui/NoticeArea";
import { applicationForEditor, type ApplicationForEditor } from "@/lib/applications/application-view.server";
import type { EnrolmentGrant } from "@/lib/enrolments/grant";
import type { ApplicationStatus } from "@/lib/applications/lifecycle";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { SERVICE_ENVIRONMENT_LABELS } from "@/lib/services/service-url";
import { formatDate, formatDateTime } from "@/lib/time";
import { markRead } from "@/lib/review/unread.server";
import { ConfirmedAction } from "./confirmed-action";
import { MessageForm } from "./message-form";
import { TableScroll } from "@/components/ui/TableScroll";

export const metadata: Metadata = { title: "Dossier d'adhésion" };

async function loadPage(actor: Parameters<typeof applicationForEditor>[0], applicationId: string) {
  try {
    return await applicationForEditor(actor, applicationId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** What the status means for the editor, and what happens next. */
function nextSteps(status: ApplicationStatus, amendment: boolean): { title: string; text: string } {
  const inForce = amendment ? " L'habilitation actuelle du service reste en vigueur pendant ce temps." : "";
  switch (status) {
    case "DRAFT":
      return {
        title: "Dossier en préparation",
        text: `Réunissez les pièces ci-dessous, puis déposez le dossier : l'ANS ne le voit qu'une fois déposé.${inForce}`,
      };
    case "SUBMITTED":
      return {
        title: "Dossier déposé, en attente d'instruction",
        text: `Un instructeur de l'ANS va l'examiner : il peut l'approuver, vous demander des modifications ou le refuser. Vous serez prévenu par courriel à chaque étape et pouvez lui écrire ci-dessous.${inForce}`,
      };
    case "CHANGES_REQUESTED":
      return {
        title: "Modifications demandées par l'instructeur",
        text: `Faites les modifications demandées ci-dessous, répondez à l'instructeur si besoin, puis déposez le dossier à nouveau : il verra ce qui a changé depuis votre dernier dépôt.${inForce}`,
      };
    case "APPROVED":
      return {
        title: "Dossier approuvé",
        text: amendment
          ? "La demande de modification est approuvée : l'habilitation ci-dessous remplace la précédente. Toute nouvelle évolution du service passera par une nouvelle demande de modification."
          : "Le service est habilité à appeler les API du ROR selon l'habilitation ci-dessous. Toute évolution du service (certificat, URL, fonctions, profil) passera par une demande de modification depuis la page du service.",
      };
    case "REFUSED":
      return {
        title: "Dossier refusé",
        text: amendment
          ? "La demande de modification est refusée : l'habilitation en vigueur reste inchangée."
          : "Le service n'est pas habilité. Vous pouvez tenir compte du motif ci-dessous et déposer un nouveau dossier depuis la page du service.",
      };
    case "WITHDRAWN":
      return {
        title: "Dossier retiré",
        text: amendment
          ? "Vous avez retiré cette demande de modification : l'habilitation en vigueur reste inchangée."
          : "Vous avez retiré ce dossier. Vous pouvez en créer un nouveau depuis la page du service.",
      };
  }
}

/** "AB:CD:…" in upper case, whatever the stored form (plain hex or colon-separated). */
function formatFingerprint(value: string): string {
  const hex = value.replace(/[^0-9a-f]/gi, "").toUpperCase();
  return hex.match(/.{1,2}/g)?.join(":") ?? value;
}

function grantFacts(grant: EnrolmentGrant): GrantFacts {
  return {
    profileLabel: grant.accessProfile.label,
    quotas: { authenticated: grant.quotas.level2AuthenticatedPerSecond, public: grant.quotas.level2PublicPerSecond, reason: grant.quotas.reason },
    approvedOn: formatDate(new Date(grant.approvedAt)),
    approvedBy: grant.approvedBy.name,
    urls: grant.urls.map((u) => ({ environmentLabel: SERVICE_ENVIRONMENT_LABELS[u.environment], url: u.url })),
    certificates: grant.certificates.map((c) => ({
      environmentLabel: SERVICE_ENVIRONMENT_LABELS[c.environment],
      subjectDn: c.subjectDn,
      fingerprintSha256: formatFingerprint(c.fingerprintSha256),
      fingerprintSha1: formatFingerprint(c.fingerprintSha1),
      validUntil: formatDate(new Date(c.notAfter)),
    })),
  };
}

function checklistRows(data: ApplicationForEditor) {
  const servicePath = `/editeur/services/${encodeURIComponent(data.application.serviceId)}`;
  return (data.checklist?.items ?? []).map((item) => ({
    ...item,
    // Anchors point into the service page (e.g. its URL section), not into this one.
    href: item.href?.startsWith("#") ? `${servicePath}${item.href}` : item.href,
  }));
}

type Params = { applicationId: string };
type Search = { cree?: string; depose?: string };

export default async function EditorApplicationPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const { applicationId } = await params;
  const actor = await requirePermission({ type: "editorSpace.view" }, `/editeur/dossiers/${encodeURIComponent(applicationId)}`);
  const [data, search] = await Promise.all([loadPage(actor, applicationId), searchParams]);
  await markRead(actor.userId, data.application.id);
  const { application, enrolment, amendedEnrolment, actions, messages, timeline, latestChanges } = data;
  const amendment = application.kind === "AMENDMENT";
  const steps = nextSteps(application.status, amendment);
  const servicePath = `/editeur/services/${encodeURIComponent(application.serviceId)}`;
  const rows = checklistRows(data);
  const lastRequest = [...timeline].reverse().find((e) => e.name === "application.changes_requested") ?? null;
  const mayPost = application.status !== "DRAFT";

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb
        items={[
          { label: "Espace éditeur", href: "/editeur" },
          { label: "Dossiers d'adhésion", href: `/editeur/dossiers?organisation=${encodeURIComponent(application.organizationId)}` },
          { label: application.serviceName },
        ]}
      />
      <PageHeading
        title={`Dossier d'adhésion : ${application.serviceName}`}
        lead={`${application.kindLabel}${application.amendmentReasonLabel ? ` (${application.amendmentReasonLabel.toLowerCase()})` : ""}, créé le ${formatDate(application.createdAt)} pour ${application.organizationName}.`}
      />

      {search.cree === "1" && application.status === "DRAFT" && (
        <Alert variant="success" title="Le dossier est créé" className="mb-8">
          <p>Vérifiez les pièces ci-dessous, complétez celles qui manquent, puis déposez le dossier.</p>
        </Alert>
      )}
      {search.depose === "1" && application.status === "SUBMITTED" && (
        <Alert variant="success" title="La demande est déposée" className="mb-8">
          <p>L&apos;ANS va l&apos;instruire ; vous serez prévenu par courriel.</p>
        </Alert>
      )}

      <NoticeArea>
        <section aria-labelledby="statut" className="mb-10 border-l-4 border-primary bg-primary-light p-6">
          <h2 id="statut" className="text-2xl font-bold">
            Statut : {application.statusLabel}
          </h2>
          <p className="mt-2 font-bold">{steps.title}</p>
          <p className="mt-1">{steps.text}</p>
          {application.submittedAt ? <p className="mt-2 text-grey-800">Dernier dépôt le {formatDateTime(application.submittedAt)}.</p> : null}
          {application.amendmentNote ? <p className="mt-2 whitespace-pre-line text-grey-800">Objet de la demande : {application.amendmentNote}</p> : null}
          <p className="mt-4">
            <Link href={servicePath} className="font-medium text-primary underline">
              Voir la page du service {application.serviceName}
            </Link>
          </p>
        </section>

        {application.status === "CHANGES_REQUESTED" && lastRequest?.message ? (
          <Alert variant="warning" title="Modifications demandées par l'instructeur" titleAs="h2" className="mb-10">
            <p className="text-sm text-grey-800">
              {lastRequest.actorName ? `${lastRequest.actorName}, ` : ""}le {formatDateTime(lastRequest.occurredAt)} :
            </p>
            <p className="mt-2 whitespace-pre-line">{lastRequest.message}</p>
          </Alert>
        ) : null}

        {application.status === "REFUSED" && application.decisionReason ? (
          <Alert variant="error" title="Motif du refus" titleAs="h2" className="mb-10">
            <p className="whitespace-pre-line">{application.decisionReason}</p>
            {application.decidedAt ? (
              <p className="mt-2 text-sm">
                Décision du {formatDate(application.decidedAt)}
                {application.decidedByName ? `, par ${application.decidedByName}` : ""}.
              </p>
            ) : null}
          </Alert>
        ) : null}

        {enrolment?.grant ? (
          <section aria-labelledby="habilitation" className="mb-10 border border-success p-6">
            <h2 id="habilitation" className="mb-2 text-2xl font-bold">
              Habilitation accordée
            </h2>
            <p className="mb-4">
              Statut de l&apos;habilitation : <span className="font-bold">{enrolment.statusLabel}</span>
              {enrolment.status === "SUSPENDED" && enrolment.suspensionReason ? ` (motif : ${enrolment.suspensionReason})` : ""}
              {enrolment.status === "REVOKED" && enrolment.revocationReason ? ` (motif : ${enrolment.revocationReason})` : ""}
            </p>
            <GatewayEnforcement items={enrolment.gateway} />
            <EnrolmentGrantFacts grant={grantFacts(enrolment.grant)} />
          </section>
        ) : null}

        {amendment && amendedEnrolment?.grant && application.status !== "APPROVED" ? (
          <section aria-labelledby="habilitation-en-vigueur" className="mb-10 border border-grey-200 p-6">
            <h2 id="habilitation-en-vigueur" className="mb-2 text-2xl font-bold">
              Habilitation que cette demande modifie
            </h2>
            <p className="mb-4">
              Statut : <span className="font-bold">{amendedEnrolment.statusLabel}</span>
            </p>
            <GatewayEnforcement items={amendedEnrolment.gateway} />
            <EnrolmentGrantFacts grant={grantFacts(amendedEnrolment.grant)} />
          </section>
        ) : null}

        {data.checklist ? <ApplicationChecklist items={rows} submitted={application.status === "SUBMITTED"} className="mb-10" /> : null}

        {actions.length > 0 ? (
          <section aria-labelledby="actions" className="mb-12">
            <h2 id="actions" className="mb-4 text-2xl font-bold">
              Actions sur le dossier
            </h2>
            <div className="flex flex-col gap-6">
              {actions.includes("submit") ? (
                <div>
                  {data.checklist && !data.checklist.complete ? (
                    <p className="mb-3 text-grey-800">
                      Il manque encore : {data.checklist.missing.map((m) => `« ${m.label} »`).join(", ")}. Le dépôt sera refusé tant qu&apos;elles manquent.
                    </p>
                  ) : null}
                  <ConfirmedAction
                    kind="submit"
                    applicationId={application.id}
                    version={application.version}
                    label={application.status === "CHANGES_REQUESTED" ? "Soumettre le dossier à nouveau" : "Soumettre le dossier"}
                    question="Déposer le dossier auprès de l'ANS ? Ses pièces seront figées telles qu'elles sont maintenant, pour l'instructeur."
                    confirmLabel="Confirmer le dépôt"
                    refusedTitle="Le dossier n'a pas été déposé"
                  />
                </div>
              ) : null}
              {actions.includes("withdraw") ? (
                <ConfirmedAction
                  kind="withdraw"
                  applicationId={application.id}
                  version={application.version}
                  label="Retirer le dossier"
                  question={
                    amendment
                      ? "Retirer cette demande de modification ? Elle sera close ; l'habilitation en vigueur reste inchangée."
                      : "Retirer ce dossier ? Il sera clos et l'ANS ne l'instruira pas ; vous pourrez en créer un nouveau."
                  }
                  confirmLabel="Confirmer le retrait"
                  refusedTitle="Le dossier n'a pas été retiré"
                  variant="secondary"
                />
              ) : null}
            </div>
          </section>
        ) : null}

        {latestChanges?.changes && latestChanges.changes.length > 0 ? (
          <section aria-labelledby="changements" className="mb-12">
            <h2 id="changements" className="mb-4 text-2xl font-bold">
              Changements du dépôt n° {latestChanges.number}
            </h2>
            <TableScroll label="Ce qui a changé depuis le dépôt précédent">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">Ce qui a changé depuis le dépôt précédent</caption>
                <thead>
                  <tr className="border-b-2 border-grey-800">
                    <th scope="col" className="p-2">Rubrique</th>
                    <th scope="col" className="p-2">Élément</th>
                    <th scope="col" className="p-2">Avant</th>
                    <th scope="col" className="p-2">Après</th>
                  </tr>
                </thead>
                <tbody>
                  {latestChanges.changes.map((c, i) => (
                    <tr key={i} className="border-b border-grey-200 align-top">
                      <td className="p-2">{c.section}</td>
                      <th scope="row" className="p-2 font-medium">{c.field}</th>
                      <td className="min-w-48 p-2">
                        <ChangedText side="before" before={c.before} after={c.after} />
                      </td>
                      <td className="min-w-48 p-2">
                        <ChangedText side="after" before={c.before} after={c.after} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        ) : null}

        <section aria-labelledby="messages" className="mb-12">
          <h2 id="messages" className="mb-4 text-2xl font-bold">
            Échanges avec l&apos;instructeur
          </h2>
          <MessageThread
            ownSide="EDITOR"
            messages={messages.map((m) => ({ id: m.id, side: m.side, authorName: m.authorName, body: m.body, when: formatDateTime(m.createdAt) }))}
          />
          {mayPost ? (
            <MessageForm applicationId={application.id} />
          ) : (
            <p className="text-grey-800">Vous pourrez écrire à l&apos;instructeur une fois le dossier déposé.</p>
          )}
        </section>
      </NoticeArea>

      <ApplicationTimeline
        rows={timeline.map((e) => ({
          id: e.id,
          label: e.label,
          when: formatDateTime(e.occurredAt),
          actorName: e.actorName,
          // The thread shows messages in full; the timeline keeps the texts of decisions.
          message: e.message,
        }))}
      />
    </div>
  );
}
