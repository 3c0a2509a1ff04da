import type { Metadata } from "next";
import { AccessProfilesCatalogueTable } from "@/components/catalogue/AccessProfilesCatalogueTable";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { requirePermission } from "@/lib/auth/session.server";
import { listAccessProfiles } from "@/lib/catalogue/access-profiles.server";

export const metadata: Metadata = { title: "Profils d'accès" };

export default async function AccessProfilesPage({ searchParams }: { searchParams: Promise<{ enregistre?: string; ajoute?: string }> }) {
  const actor = await requirePermission({ type: "catalogue.manage" }, "/administration/profils");
  const [profiles, params] = await Promise.all([listAccessProfiles(actor), searchParams]);
  const saved = profiles.find((p) => p.id === params.enregistre);
  const added = profiles.find((p) => p.id === params.ajoute);

  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Profils d'accès" }]} />
      <PageHeading
        title="Profils d'accès"
        lead="Le catalogue des profils d'accès aux données du ROR et leurs quotas par défaut, tels qu'ils sont proposés aux éditeurs."
      >
        <ButtonLink href="/administration/profils/nouveau">Ajouter un profil</ButtonLink>
      </PageHeading>
      {saved ? (
        <Alert variant="success" title={`Profil ${saved.code} enregistré`} live className="mb-8">
          <p>Les nouvelles valeurs s&apos;appliquent aux prochaines demandes.</p>
        </Alert>
      ) : null}
      {added ? (
        <Alert variant="success" title={`Profil ${added.code} ajouté au catalogue`} live className="mb-8">
          <p>{added.active ? "Il est désormais proposé aux éditeurs." : "Il n'est pas encore proposé aux éditeurs (profil désactivé)."}</p>
        </Alert>
      ) : null}
      <AccessProfilesCatalogueTable
        editPath={(id) => `/administration/profils/${id}`}
        rows={profiles.map((p) => ({
          id: p.id,
          code: p.code,
          label: p.label,
          description: p.description,
          requiresCertificate: p.requiresCertificate,
          authenticatedPerSecond: p.quotas.authenticatedPerSecond,
          publicPerSecond: p.quotas.publicPerSecond,
          active: p.active,
        }))}
      />
    </div>
  );
}
