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
import { removeMemberAction, revokeInvitationAction, setLegalRepresentativeAction } from "./actions";
import { InviteForm } from "./invite-form";
import { NoticeArea } from "@/components/ui/NoticeArea";
import { OrganizationDetailsForm } from "./organization-details-form";
import { RowAction } from "./row-action";

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
  const { organization, members, pendingInvitations, permissions } = await loadPage(actor, organizationId);
  const legalRepresentativeCount = members.filter((m) => m.isLegalRepresentative).length;

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
            Seul un représentant légal peut désigner ou retirer un représentant légal, et retirer un membre. L&apos;organisation
            garde toujours au moins un représentant légal.
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
