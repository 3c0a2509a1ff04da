import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { emptyAttestationValues, parisToday } from "@/lib/attestations/attestation-schema";
import { newAttestationForm } from "@/lib/attestations/attestations.server";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { AttestationForm } from "../attestation-form";
import { ofWord } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Nouvelle attestation de client" };

export default async function NewAttestationPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const actor = await requirePermission({ type: "editorSpace.view" }, `/editeur/services/${encodeURIComponent(serviceId)}/attestations/nouvelle`);
  let form;
  try {
    form = await newAttestationForm(actor, serviceId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const serviceHref = `/editeur/services/${form.service.id}`;
  const listHref = `${serviceHref}/attestations`;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <Breadcrumb
        items={[
          { label: "Espace éditeur", href: "/editeur" },
          { label: form.service.name, href: serviceHref },
          { label: "Attestations de client", href: listHref },
          { label: "Nouvelle attestation" },
        ]}
      />
      <PageHeading
        title="Nouvelle attestation de client"
        lead={`Annexe 1 de la charte : un client ${ofWord(form.organization.legalName)} atteste qu'il utilise le service « ${form.service.name} ». Une attestation par client.`}
      />
      <AttestationForm
        mode="create"
        serviceId={form.service.id}
        today={parisToday(new Date())}
        editor={{ name: form.organization.legalName, address: form.organization.address }}
        legalRepresentatives={form.legalRepresentatives}
        defaults={{ ...emptyAttestationValues, softwareVersion: form.service.softwareVersion, editorLegalRepresentativeId: form.legalRepresentatives.length === 1 ? form.legalRepresentatives[0]!.id : "" }}
        cancelHref={listHref}
      />
    </div>
  );
}
