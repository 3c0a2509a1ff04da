import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttestationDocument } from "@/components/attestations/AttestationDocument";
import { AttestationStatusBadge } from "@/components/attestations/AttestationStatusBadge";
import { SignForm } from "@/components/attestations/SignForm";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { NoticeArea } from "@/components/ui/NoticeArea";
import { ATTESTATION_LABELS, type AttestationField } from "@/lib/attestations/attestation-schema";
import { attestationPage } from "@/lib/attestations/attestations.server";
import { attestationHistory } from "@/lib/attestations/reminders.server";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time";
import {
  cancelRoundAction,
  declineAsEditorAction,
  resendLinkAction,
  retrySealAction,
  sendAttestationAction,
  setRemindersAction,
  signAsEditorAction,
  withdrawAttestationAction,
} from "../actions";
import { ActionButton } from "./action-button";
import { TableScroll } from "@/components/ui/TableScroll";
import { ofWord } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Attestation de client" };

type Params = { serviceId: string; attestationId: string };
type Search = { enregistre?: string; inchange?: string; "envoi-annule"?: string };

const PARTY_LABELS = { CLIENT: "Client (commanditaire)", EDITOR: "Représentant légal de l'éditeur" } as const;
const CLOSED_REASONS: Record<string, string> = {
  edited: "annulée parce que l'attestation a été modifiée",
  cancelled: "annulée par l'éditeur",
  declined: "close après un refus de signer",
  withdrawn: "close : l'attestation est abandonnée",
  sealed: "terminée : l'attestation est scellée",
};

export default async function AttestationPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const { serviceId, attestationId } = await params;
  const actor = await requirePermission({ type: "editorSpace.view" }, `/editeur/services/${encodeURIComponent(serviceId)}/attestations/${encodeURIComponent(attestationId)}`);
  let data;
  try {
    data = await attestationPage(actor, attestationId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  if (data.service.id !== serviceId) notFound();
  const history = await attestationHistory(data.attestation.id);
  const search = await searchParams;
  const { attestation, round, permissions } = data;
  const serviceHref = `/editeur/services/${data.service.id}`;
  const detailHref = `${serviceHref}/attestations/${attestation.id}`;
  const fileHref = (kind: string) => `/api/attestations/${attestation.id}/${kind}`;
  const title = attestation.values.clientName || "Attestation sans nom de client";
  const missing = Object.entries(data.missing) as [AttestationField, string][];
  const sid = data.service.id;
  const aid = attestation.id;

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb
        items={[
          { label: "Espace éditeur", href: "/editeur" },
          { label: data.service.name, href: serviceHref },
          { label: "Attestations de client", href: `${serviceHref}/attestations` },
          { label: title },
        ]}
      />
      <PageHeading title={`Attestation de client : ${title}`} lead={`Service « ${data.service.name} » ${ofWord(data.organization.legalName)}.`} />
      <p className="mb-8">
        État : <AttestationStatusBadge status={attestation.status} label={attestation.statusLabel} />
      </p>

      {search.enregistre === "1" && <Alert variant="success" title="L'attestation est enregistrée" className="mb-8" />}
      {search.inchange === "1" && <Alert variant="info" title="Aucune modification à enregistrer" className="mb-8" />}
      {search["envoi-annule"] === "1" && (
        <Alert variant="warning" title="L'attestation est modifiée ; la demande de signature en cours est annulée" className="mb-8">
          <p>Envoyez-la à nouveau pour signature : les liens envoyés auparavant ne fonctionnent plus.</p>
        </Alert>
      )}

      <NoticeArea>
        {attestation.status === "SEALED" && (
          <Alert variant="success" title="Attestation signée par les deux parties et scellée" titleAs="h2" className="mb-8">
            <p>
              Scellée le {attestation.sealedAt ? formatDateTime(attestation.sealedAt) : ""}. Empreinte SHA-256 :{" "}
              <code className="break-all">{attestation.sealedSha256}</code>
            </p>
            <p className="mt-3">
              <a href={fileHref("scellee")} className="font-bold text-primary underline">
                Télécharger l&apos;attestation scellée (PDF)
              </a>
            </p>
          </Alert>
        )}
        {attestation.status === "DECLINED" && (
          <Alert variant="error" title="Signature refusée" titleAs="h2" className="mb-8">
            {round?.signatures
              .filter((s) => s.status === "DECLINED")
              .map((s) => (
                <p key={s.id}>
                  {s.signerName} a refusé de signer : « {s.declineReason} ». Corrigez l&apos;attestation si nécessaire, puis envoyez-la à nouveau.
                </p>
              ))}
          </Alert>
        )}
        {permissions.retrySeal && (
          <Alert variant="warning" title="Les deux parties ont signé ; le scellement n'est pas encore fait" titleAs="h2" className="mb-8">
            <ActionButton action={retrySealAction.bind(null, sid, aid)} label="Sceller maintenant" />
          </Alert>
        )}

        <section aria-labelledby="actions-titre" className="mb-12">
          <h2 id="actions-titre" className="mb-4 text-2xl font-bold">
            Documents et actions
          </h2>
          <ul className="mb-6 list-disc space-y-2 pl-6">
            {attestation.status !== "SEALED" && (
              <li>
                <a href={fileHref("apercu")} className="text-primary underline">
                  Aperçu de l&apos;attestation (PDF marqué « PROJET »)
                </a>
              </li>
            )}
            {round && (
              <li>
                <a href={fileHref("envoyee")} className="text-primary underline">
                  Document envoyé pour signature le {formatDateTime(round.sentAt)} (PDF)
                </a>
              </li>
            )}
          </ul>
          <div className="flex flex-wrap items-start gap-4">
            {permissions.edit && (
              <ButtonLink href={`${detailHref}/modifier`} variant="secondary">
                Modifier l&apos;attestation
              </ButtonLink>
            )}
            {permissions.send && missing.length === 0 && (
              <ActionButton action={sendAttestationAction.bind(null, sid, aid, attestation.version)} label="Envoyer pour signature" />
            )}
            {permissions.resend && <ActionButton action={resendLinkAction.bind(null, sid, aid)} label="Renvoyer le lien au client" variant="secondary" />}
            {permissions.cancelRound && (
              <ActionButton
                action={cancelRoundAction.bind(null, sid, aid)}
                label="Annuler la demande de signature"
                variant="secondary"
                confirmation="Annuler la demande de signature ? Les liens envoyés ne fonctionneront plus."
              />
            )}
            {permissions.withdraw && (
              <ActionButton
                action={withdrawAttestationAction.bind(null, sid, aid)}
                label="Abandonner l'attestation"
                variant="tertiary"
                confirmation="Abandonner cette attestation ? Elle ne pourra plus être envoyée."
              />
            )}
          </div>
          {permissions.send && missing.length > 0 && (
            <Alert variant="info" title="Complétez l'attestation avant de l'envoyer pour signature" className="mt-6">
              <ul className="list-disc pl-6">
                {missing.map(([field, message]) => (
                  <li key={field}>
                    {ATTESTATION_LABELS[field]} : {message}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
        </section>
      </NoticeArea>

      {round && (
        <section aria-labelledby="signatures-titre" className="mb-12">
          <h2 id="signatures-titre" className="mb-2 text-2xl font-bold">
            Signatures
          </h2>
          <p className="mb-4 text-grey-800">
            Envoi n° {round.number}, le {formatDateTime(round.sentAt)}
            {round.open ? "" : `, ${CLOSED_REASONS[round.closedReason ?? ""] ?? "clos"}`}. Empreinte SHA-256 du document envoyé :{" "}
            <code className="break-all">{round.sentSha256}</code>
          </p>
          <TableScroll label="Signatures demandées pour cet envoi">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Signatures demandées pour cet envoi</caption>
              <thead>
                <tr className="border-b-2 border-grey-950 bg-grey-50">
                  <th scope="col" className="px-3 py-3">Partie</th>
                  <th scope="col" className="px-3 py-3">Signataire</th>
                  <th scope="col" className="px-3 py-3">État</th>
                  <th scope="col" className="px-3 py-3">Date</th>
                </tr>
              </thead>
              <tbody>
                {round.signatures.map((s) => (
                  <tr key={s.id} className="border-b border-grey-200 align-top">
                    <th scope="row" className="px-3 py-3 font-normal">
                      {PARTY_LABELS[s.party]}
                    </th>
                    <td className="px-3 py-3 break-words">
                      {s.signerName}, {s.signerFunction}
                      <br />
                      <span className="text-sm text-grey-800">{s.signerEmail}</span>
                    </td>
                    <td className="px-3 py-3">{s.expired ? "Lien expiré" : s.statusLabel}</td>
                    <td className="px-3 py-3">
                      {s.signedAt ? formatDateTime(s.signedAt) : s.declinedAt ? formatDateTime(s.declinedAt) : s.status === "PENDING" && s.expiresAt ? `Lien valable jusqu'au ${formatDateTime(s.expiresAt)}` : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}

      {permissions.manage && (attestation.status === "AWAITING_SIGNATURES" || attestation.status === "DRAFT" || attestation.status === "DECLINED") && (
        <section aria-labelledby="rappels-titre" className="mb-12">
          <h2 id="rappels-titre" className="mb-2 text-2xl font-bold">
            Rappels au client
          </h2>
          <p className="mb-4">
            {attestation.remindersEnabled
              ? "Tant qu'il n'a ni signé ni refusé, le signataire du client reçoit un rappel par courriel le 3e et le 10e jour de son lien de signature."
              : "Les rappels sont désactivés : le signataire du client ne reçoit aucun rappel pour cette attestation."}
          </p>
          <ActionButton
            action={setRemindersAction.bind(null, sid, aid, !attestation.remindersEnabled)}
            label={attestation.remindersEnabled ? "Désactiver les rappels" : "Activer les rappels"}
            variant="secondary"
          />
        </section>
      )}

      {history.length > 0 && (
        <section aria-labelledby="historique-titre" className="mb-12">
          <h2 id="historique-titre" className="mb-4 text-2xl font-bold">
            Historique
          </h2>
          <ol className="space-y-2">
            {history.map((h) => (
              <li key={h.id}>
                <time dateTime={h.occurredAt.toISOString()}>{formatDateTime(h.occurredAt)}</time> : {h.label}
                {h.detail ? ` (${h.detail})` : ""}
                {h.actorName ? <span className="text-grey-800">, par {h.actorName}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      )}

      {permissions.signAsEditor && round && (
        <section aria-labelledby="signature-editeur-titre" className="mb-12 space-y-8">
          <h2 id="signature-editeur-titre" className="text-2xl font-bold">
            Votre signature de représentant légal
          </h2>
          <p>
            Relisez le document tel qu&apos;il a été envoyé (
            <a href={fileHref("envoyee")} className="text-primary underline">
              télécharger le PDF
            </a>
            ), puis signez-le ou refusez de le signer.
          </p>
          <AttestationDocument content={round.content} headingLevel={3} />
          <SignForm
            signerName={actor.name}
            signerFunction=""
            sign={signAsEditorAction.bind(null, sid, aid)}
            decline={declineAsEditorAction.bind(null, sid, aid)}
            doneTitle="C'est fait"
          />
        </section>
      )}

      <p>
        <Link href={`${serviceHref}/attestations`} className="text-primary underline">
          Retour aux attestations du service
        </Link>
      </p>
    </div>
  );
}
