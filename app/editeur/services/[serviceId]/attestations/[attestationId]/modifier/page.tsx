import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { parisToday } from "@/lib/attestations/attestation-schema";
import { attestationPage } from "@/lib/attestations/attestations.server";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { AttestationForm } from "../../attestation-form";

export const metadata: Metadata = { title: "Modifier l'attestation de client" };

type Params = { serviceId: string; attestationId: string };

export default async function EditAttestationPage({ params }: { params: Promise<Params> }) {
  const { serviceId, attestationId } = await params;
  const actor = await requirePermission({ type: "editorSpace.view" }, `/editeur/services/${encodeURIComponent(serviceId)}/attestations/${encodeURIComponent(attestationId)}/modifier`);
  let data;
  try {
    data = await attestationPage(actor, attestationId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  if (data.service.id !== serviceId || !data.permissions.manage) notFound();
  const serviceHref = `/editeur/services/${data.service.id}`;
  const detailHref = `${serviceHref}/attestations/${data.attestation.id}`;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <Breadcrumb
        items={[
          { label: "Espace éditeur", href: "/editeur" },
          { label: data.service.name, href: serviceHref },
          { label: "Attestations de client", href: `${serviceHref}/attestations` },
          { label: data.attestation.values.clientName || "Attestation sans nom", href: detailHref },
          { label: "Modifier" },
        ]}
      />
      <PageHeading title="Modifier l'attestation de client" lead={`Service « ${data.service.name} ».`} />
      {data.permissions.edit ? (
        <AttestationForm
          mode="edit"
          attestationId={data.attestation.id}
          version={data.attestation.version}
          serviceId={data.service.id}
          today={parisToday(new Date())}
          editor={{ name: data.organization.legalName, address: data.organization.address }}
          legalRepresentatives={data.legalRepresentatives}
          defaults={{ ...data.attestation.values, additionalClientSignatories: data.attestation.signatories.slice(1), signingOrder: data.attestation.signingOrder }}
          cancelHref={detailHref}
          warnsOfCancellation={data.attestation.status === "AWAITING_SIGNATURES"}
        />
      ) : (
        <Alert variant="info" title="Cette attestation ne peut plus être modifiée">
          <p>Elle est {data.attestation.statusLabel.toLowerCase()}.</p>
        </Alert>
      )}
    </div>
  );
}
