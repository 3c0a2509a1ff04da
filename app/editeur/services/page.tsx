import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { CharterBanner } from "@/components/catalogue/CharterBanner";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { ServicesTable } from "@/components/services/ServicesTable";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { requirePermission } from "@/lib/auth/session.server";
import { pendingCharterNotices } from "@/lib/catalogue/charter.server";
import { isAppError } from "@/lib/errors";
import { organizationServices } from "@/lib/services/services.server";

export const metadata: Metadata = { title: "Services numériques" };

async function loadPage(actor: Parameters<typeof organizationServices>[0], organizationId: string) {
  try {
    return await organizationServices(actor, organizationId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function ServicesPage({ searchParams }: { searchParams: Promise<{ organisation?: string | string[] }> }) {
  const actor = await requirePermission({ type: "editorSpace.view" }, "/editeur/services");
  const params = await searchParams;
  const organizationId = typeof params.organisation === "string" ? params.organisation : actor.memberships[0]?.organizationId;
  if (!organizationId) forbidden();
  const [{ organization, otherOrganizations, services, permissions }, charterNotices] = await Promise.all([
    loadPage(actor, organizationId),
    pendingCharterNotices(actor),
  ]);
  const newHref = `/editeur/services/nouveau?organisation=${encodeURIComponent(organization.id)}`;

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Espace éditeur", href: "/editeur" }, { label: "Services numériques" }]} />
      <PageHeading
        title="Services numériques"
        lead={`Les services numériques déclarés par ${organization.legalName}, qui appelleront les API du ROR : leurs URL, leurs certificats et ce qu'il reste à fournir pour chacun.`}
      />
      <CharterBanner notices={charterNotices} className="mb-8" />

      {otherOrganizations.length > 0 && (
        <nav aria-label="Vos autres organisations" className="mb-8">
          <p className="font-medium">Voir les services d&apos;une autre de vos organisations :</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {otherOrganizations.map((other) => (
              <li key={other.id}>
                <Link href={`/editeur/services?organisation=${encodeURIComponent(other.id)}`} className="text-primary underline">
                  {other.legalName}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {permissions.manage && (
        <p className="mb-8">
          <ButtonLink href={newHref}>Déclarer un service numérique</ButtonLink>
        </p>
      )}

      {services.length === 0 ? (
        <Alert variant="info" title="Aucun service numérique déclaré">
          <p>
            Déclarez le service qui appellera les API du ROR : sa finalité, ses utilisateurs, le profil d&apos;accès demandé, puis ses URL et
            son certificat.
          </p>
        </Alert>
      ) : (
        <ServicesTable
          caption={`Services numériques déclarés par ${organization.legalName}`}
          rows={services.map((service) => ({
            id: service.id,
            name: service.name,
            softwareName: service.softwareName,
            softwareVersion: service.softwareVersion,
            profileLabel: service.profile.label,
            summary: service.summary,
          }))}
        />
      )}
    </div>
  );
}
