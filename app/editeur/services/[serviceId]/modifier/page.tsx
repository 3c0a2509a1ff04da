import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CharterBanner } from "@/components/catalogue/CharterBanner";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { pendingCharterNotices } from "@/lib/catalogue/charter.server";
import { isAppError } from "@/lib/errors";
import { editServiceForm } from "@/lib/services/services.server";
import { ServiceForm } from "../../service-form";

export const metadata: Metadata = { title: "Modifier le service numérique" };

async function loadForm(actor: Parameters<typeof editServiceForm>[0], serviceId: string) {
  try {
    return await editServiceForm(actor, serviceId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function EditServicePage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const actor = await requirePermission({ type: "editorSpace.view" }, `/editeur/services/${encodeURIComponent(serviceId)}/modifier`);
  const [form, charterNotices] = await Promise.all([loadForm(actor, serviceId), pendingCharterNotices(actor)]);
  const serviceHref = `/editeur/services/${form.serviceId}`;

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <Breadcrumb
        items={[
          { label: "Espace éditeur", href: "/editeur" },
          { label: "Services numériques", href: `/editeur/services?organisation=${encodeURIComponent(form.organization.id)}` },
          { label: form.name, href: serviceHref },
          { label: "Modifier" },
        ]}
      />
      <PageHeading title="Modifier le service numérique" lead={`${form.name}, déclaré par ${form.organization.legalName}. Tous les champs sont obligatoires.`} />
      <CharterBanner notices={charterNotices} className="mb-8" />
      {form.withdrawnProfileLabel && (
        <Alert variant="warning" title="Le profil demandé n'est plus proposé" className="mb-8">
          <p>
            Le profil « {form.withdrawnProfileLabel} » a été retiré du catalogue par l&apos;ANS. Choisissez l&apos;un des profils proposés
            ci-dessous.
          </p>
        </Alert>
      )}
      <ServiceForm
        mode="edit"
        serviceId={form.serviceId}
        defaults={form.defaults}
        cancelHref={serviceHref}
        profiles={form.profiles.map((p) => ({ id: p.id, label: p.label, description: p.description, requiresCertificate: p.requiresCertificate }))}
      />
    </div>
  );
}
