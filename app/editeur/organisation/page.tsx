import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { MembersTable } from "@/components/organizations/MembersTable";
import { OrganizationFacts } from "@/components/organizations/OrganizationFacts";
import { PendingInvitationsTable } from "@/components/organizations/PendingInvitationsTable";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formatSiret } from "@/lib/organizations/formatting";
import { organizationPage } from "@/lib/organizations/organization-page.server";
import { formatDate } from "@/lib/time";
import { decideJoinRequestAction, removeMemberAction, revokeInvitationAction, setLegalRepresentativeAction, setTechnicalContactAction } from "./actions";
import { pendingJoinRequests } from "@/lib/organizations/join-requests.server";
import { EvidenceUploadForm } from "./evidence-upload-form";
import { OrganizationStatusBadge } from "@/components/organizations/OrganizationStatusBadge";
import { EvidenceList } from "@/components/organizations/EvidenceList";
import { InviteForm } from "./invite-form";
import { NoticeArea } from "@/components/ui/NoticeArea";
import { OrganizationDetailsForm } from "./organization-details-form";
import { RowAction } from "./row-action";
import { SecondFactorRequirementForm } from "./second-factor-requirement-form";

export const metadata: Metadata = { title: "Organisation et membres" };

async function loadPage(actor: Parameters<typeof organizationPage>[0], organizationId: string) {
  try {
    return await organizationPage(actor, organizationId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function OrganizationPage({ searchParams }: { searchParams: Promise<{ organisation?: string | string[] }> }) {
  const actor = await requirePermission({ type: "editorSpace.view" }, "/editeur/organisation");
  const params = await searchParams;
  const organizationId = typeof params.organisation === "string" ? params.organisation : actor.memberships[0]?.organizationId;
  if (!organizationId) forbidden();
  const { organization, members, pendingInvitations, permissions, evidence } = await loadPage(actor, organizationId);
  const legalRepresentativeCount = members.filter((m) => m.isLegalRepresentative).length;
  const joinRequests = permissions.manageLegalRepresentatives ? await pendingJoinRequests(organization.id) : [];

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Espace éditeur", href: "/editeur" }, { label: "Organisation et membres" }]} />
      <PageHeading
        title={organization.legalName}
        lead="Les informations de votre organisation (personne morale) et les personnes qui agissent en son nom sur le portail."
      />

      <section aria-labelledby="identite" className="mb-12">
        <h2 id="identite" className="mb-4 text-2xl font-bold">
          Identité de l&apos;organisation
        </h2>
        {permissions.update ? (
          <>
            <p className="mb-6 text-grey-600">Inscrite le {formatDate(organization.createdAt)}. Tous les champs sont obligatoires.</p>
            <OrganizationDetailsForm
              organizationId={organization.id}
              defaults={{
                legalName: organization.legalName,
                siret: formatSiret(organization.siret),
                address: organization.address,
                version: organization.version,
              }}
            />
          </>
        ) : (
          <OrganizationFacts
            legalName={organization.legalName}
            siret={formatSiret(organization.siret)}
            address={organization.address}
            createdOn={formatDate(organization.createdAt)}
          />
        )}
      </section>

      <section id="verification" aria-labelledby="verification-titre" className="mb-12 scroll-mt-8">
        <h2 id="verification-titre" className="mb-4 text-2xl font-bold">
          Vérification par l&apos;ANS
        </h2>
        <p className="mb-4">
          Statut : <OrganizationStatusBadge status={organization.status} />
          {organization.statusChangedAt && <span className="text-grey-600"> depuis le {formatDate(organization.statusChangedAt)}</span>}
        </p>
        {organization.status === "UNVERIFIED" && (
          <Alert variant="info" title="Organisation non vérifiée" className="mb-6">
            <p>
              Vous pouvez tout préparer, mais vous ne pourrez déposer un dossier d&apos;adhésion qu&apos;une fois l&apos;organisation vérifiée par
              l&apos;ANS. Déposez un extrait Kbis ou un avis de situation INSEE de moins de trois mois et, si le représentant légal n&apos;y figure
              pas, une délégation de pouvoir signée par une personne qui y figure.
            </p>
          </Alert>
        )}
        {organization.status === "REFUSED" && (
          <Alert variant="error" title="Vérification refusée par l'ANS" className="mb-6">
            <p>Motif : {organization.statusReason}</p>
            <p>Déposez un nouvel extrait du registre pour demander une nouvelle vérification.</p>
          </Alert>
        )}
        {organization.status === "VERIFIED" && (
          <Alert variant="success" title="Organisation vérifiée" className="mb-6">
            <p>L&apos;ANS a vérifié l&apos;identité de l&apos;organisation et de son représentant légal.</p>
          </Alert>
        )}
        <h3 className="mb-2 text-xl font-bold">Justificatifs déposés</h3>
        <EvidenceList evidence={evidence} />
        {permissions.update && organization.status !== "VERIFIED" && (
          <>
            <h3 className="mt-8 text-xl font-bold">Déposer un justificatif</h3>
            <EvidenceUploadForm organizationId={organization.id} />
          </>
        )}
      </section>

      <section id="second-facteur" aria-labelledby="second-facteur-titre" className="mb-12 max-w-2xl scroll-mt-8">
        <h2 id="second-facteur-titre" className="mb-4 text-2xl font-bold">
          Second facteur des membres
        </h2>
        <p className="mb-4">
          {organization.requireSecondFactor
            ? "L'organisation exige de chaque membre un second facteur (application d'authentification) pour se connecter au portail."
            : "Chaque membre choisit d'activer ou non un second facteur (application d'authentification) pour se connecter au portail."}
        </p>
        {permissions.manageLegalRepresentatives ? (
          <SecondFactorRequirementForm organizationId={organization.id} required={organization.requireSecondFactor} />
        ) : (
          <p className="text-grey-600">Seul un représentant légal peut modifier ce réglage.</p>
        )}
      </section>

      <NoticeArea>
        <section aria-labelledby="membres" className="mb-12">
          <h2 id="membres" className="mb-4 text-2xl font-bold">
            Membres
          </h2>
          {legalRepresentativeCount === 0 && (
            <Alert variant="warning" title="Aucun représentant légal" className="mb-6">
              <p>
                Le représentant légal accepte la charte et signe les attestations de client. Invitez-le ci-dessous en cochant
                « L&apos;inviter comme représentant légal ».
              </p>
            </Alert>
          )}
          <p className="mb-4 text-grey-600">
            Seul un représentant légal peut désigner ou retirer un représentant légal ou un contact technique, et retirer un membre.
            L&apos;organisation garde toujours au moins un représentant légal. Les avis d&apos;expiration des certificats et de la passerelle
            sont envoyés aux représentants légaux et aux contacts techniques. Désigner un nouveau représentant légal, ou modifier la raison
            sociale ou le SIRET, demande une nouvelle vérification par l&apos;ANS.
          </p>
          <MembersTable
            showActions={permissions.manageLegalRepresentatives}
            members={members.map((m) => ({
              ...m,
              actions: permissions.manageLegalRepresentatives ? (
                <div className="flex flex-col gap-2">
                  {!m.isLegalRepresentative ? (
                    <RowAction label="Désigner représentant légal" target={m.name} action={setLegalRepresentativeAction.bind(null, m.membershipId, true)} />
                  ) : legalRepresentativeCount > 1 ? (
                    <RowAction
                      label="Retirer le rôle de représentant légal"
                      target={m.name}
                      action={setLegalRepresentativeAction.bind(null, m.membershipId, false)}
                    />
                  ) : (
                    <p className="text-sm text-grey-600">Dernier représentant légal</p>
                  )}
                  <RowAction
                    label={m.isTechnicalContact ? "Retirer le rôle de contact technique" : "Désigner contact technique"}
                    target={m.name}
                    action={setTechnicalContactAction.bind(null, m.membershipId, !m.isTechnicalContact)}
                  />
                  {!m.isActor && !(m.isLegalRepresentative && legalRepresentativeCount === 1) && (
                    <RowAction
                      label="Retirer de l'organisation"
                      confirmLabel="Confirmer le retrait"
                      target={m.name}
                      action={removeMemberAction.bind(null, m.membershipId)}
                    />
                  )}
                </div>
              ) : undefined,
            }))}
          />
        </section>

        {permissions.manageLegalRepresentatives && (
          <section id="rattachements" aria-labelledby="rattachements-titre" className="mb-12 scroll-mt-8">
            <h2 id="rattachements-titre" className="mb-4 text-2xl font-bold">
              Demandes de rattachement
            </h2>
            {joinRequests.length === 0 ? (
              <p className="text-grey-600">Aucune demande en attente.</p>
            ) : (
              <>
                <p className="mb-4">
                  Ces personnes se sont inscrites avec le SIRET de l&apos;organisation. Acceptez celles qui travaillent pour elle : elles deviennent
                  membres de l&apos;équipe.
                </p>
                <ul className="space-y-4">
                  {joinRequests.map((r) => (
                    <li key={r.joinRequestId} className="border border-grey-200 p-4">
                      <p className="font-bold">{r.name}</p>
                      <p className="break-all">{r.email}</p>
                      <p className="mb-3 text-sm text-grey-600">Demande du {formatDate(r.createdAt)}</p>
                      <div className="flex flex-wrap gap-4">
                        <RowAction label="Accepter la demande" target={r.name} action={decideJoinRequestAction.bind(null, r.joinRequestId, true)} />
                        <RowAction label="Refuser la demande" target={r.name} confirmLabel="Confirmer le refus" action={decideJoinRequestAction.bind(null, r.joinRequestId, false)} />
                      </div>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}

        <section aria-labelledby="invitations" className="mb-12">
          <h2 id="invitations" className="mb-4 text-2xl font-bold">
            Invitations en attente
          </h2>
          <PendingInvitationsTable
            showActions={permissions.invite}
            invitations={pendingInvitations.map((i) => ({
              ...i,
              expiresOn: formatDate(i.expiresAt),
              actions: permissions.invite ? (
                <RowAction label="Annuler l'invitation" target={i.email} action={revokeInvitationAction.bind(null, i.invitationId)} />
              ) : undefined,
            }))}
          />
        </section>
      </NoticeArea>

      {permissions.invite && (
        <section aria-labelledby="inviter" className="max-w-2xl">
          <h2 id="inviter" className="mb-4 text-2xl font-bold">
            Inviter un collègue
          </h2>
          <p className="mb-6">
            Votre collègue reçoit un lien par courriel : il choisit son mot de passe et rejoint l&apos;organisation. Si une invitation
            est déjà en attente pour cette adresse, elle est remplacée et l&apos;ancien lien ne fonctionne plus.
          </p>
          <InviteForm organizationId={organization.id} mayOfferLegalRepresentative={permissions.offerLegalRepresentative} />
        </section>
      )}
    </div>
  );
}
