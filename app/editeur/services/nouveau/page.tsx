import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { CharterBanner } from "@/components/catalogue/CharterBanner";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { requirePermission } from "@/lib/auth/session.server";
import { pendingCharterNotices } from "@/lib/catalogue/charter.server";
import { isAppError } from "@/lib/errors";
import { newServiceForm } from "@/lib/services/services.server";
import { ServiceForm } from "../service-form";

export const metadata: Metadata = { title: "Déclarer un service numérique" };

async function loadForm(actor: Parameters<typeof newServiceForm>[0], organizationId: string) {
  try {
    return await newServiceForm(actor, organizationId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function NewServicePage({ searchParams }: { searchParams: Promise<{ organisation?: string | string[] }> }) {
  const actor = await requirePermission({ type: "editorSpace.view" }, "/editeur/services/nouveau");
  const params = await searchParams;
  const organizationId = typeof params.organisation === "string" ? params.organisation : actor.memberships[0]?.organizationId;
  if (!organizationId) forbidden();
  const [{ organization, profiles }, charterNotices] = await Promise.all([loadForm(actor, organizationId), pendingCharterNotices(actor)]);
  const listHref = `/editeur/services?organisation=${encodeURIComponent(organization.id)}`;

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <Breadcrumb
        items={[{ label: "Espace éditeur", href: "/editeur" }, { label: "Services numériques", href: listHref }, { label: "Déclarer un service numérique" }]}
      />
      <PageHeading
        title="Déclarer un service numérique"
        lead={`Décrivez le service qui appellera les API du ROR pour ${organization.legalName}. Vous ajouterez ensuite ses URL et son certificat depuis sa page. Tous les champs sont obligatoires.`}
      />
      <CharterBanner notices={charterNotices} className="mb-8" />
      <ServiceForm
        mode="create"
        organizationId={organization.id}
        cancelHref={listHref}
        profiles={profiles.map((p) => ({ id: p.id, label: p.label, description: p.description, requiresCertificate: p.requiresCertificate }))}
      />
    </div>
  );
}
