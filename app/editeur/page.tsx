import type { Metadata } from "next";
import { CharterBanner } from "@/components/catalogue/CharterBanner";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/layout/PageHeading";
import { OrganizationSummary } from "@/components/organizations/OrganizationSummary";
import { requirePermission } from "@/lib/auth/session.server";
import { pendingCharterNotices } from "@/lib/catalogue/charter.server";
import { formatSiret } from "@/lib/organizations/formatting";
import { editorHome } from "@/lib/organizations/editor-home.server";
import { editorProgress } from "@/lib/applications/editor-progress.server";
import { ServicesProgress } from "@/components/applications/ServicesProgress";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Espace éditeur" };

export default async function EditorHomePage({ searchParams }: { searchParams: Promise<{ bienvenue?: string }> }) {
  const actor = await requirePermission({ type: "editorSpace.view" }, "/editeur");
  const [organizations, params, charterNotices, progress] = await Promise.all([editorHome(actor), searchParams, pendingCharterNotices(actor), editorProgress(actor)]);
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <PageHeading title="Espace éditeur" lead={`Bonjour ${actor.name}. Préparez ici l'adhésion de vos services numériques à l'espace de confiance du ROR.`} />
      <CharterBanner notices={charterNotices} className="mb-8" />
      {params.bienvenue && (
        <div className="mb-8">
          <Alert variant="success" title="Votre compte est créé">
            Votre organisation est enregistrée. Vous pouvez maintenant préparer votre dossier d&apos;adhésion.
          </Alert>
        </div>
      )}
      {organizations.map((organization) => (
        <div key={organization.id} className="mb-10">
          <ServicesProgress
            headingId={`etapes-${organization.id}`}
            organizationName={organizations.length > 1 ? organization.legalName : null}
            services={progress.get(organization.id) ?? []}
            newServiceHref={`/editeur/services/nouveau?organisation=${encodeURIComponent(organization.id)}`}
            servicesHref={`/editeur/services?organisation=${encodeURIComponent(organization.id)}`}
          />
          <OrganizationSummary
            organizationId={organization.id}
            legalName={organization.legalName}
            siret={formatSiret(organization.siret)}
            address={organization.address}
            createdOn={formatDate(organization.createdAt)}
            members={organization.memberships.map((m) => ({
              name: m.user.name,
              email: m.user.email,
              isLegalRepresentative: m.isLegalRepresentative,
              active: m.user.status === "ACTIVE",
            }))}
          />
        </div>
      ))}
    </div>
  );
}
