import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AttestationsTable } from "@/components/attestations/AttestationsTable";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { formatSiret } from "@/lib/attestations/attestation-content";
import { serviceAttestations } from "@/lib/attestations/attestations.server";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/time";
import { ofWord } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Attestations de client" };

export default async function AttestationsPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const actor = await requirePermission({ type: "editorSpace.view" }, `/editeur/services/${encodeURIComponent(serviceId)}/attestations`);
  let data;
  try {
    data = await serviceAttestations(actor, serviceId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const serviceHref = `/editeur/services/${data.service.id}`;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Espace éditeur", href: "/editeur" }, { label: data.service.name, href: serviceHref }, { label: "Attestations de client" }]} />
      <PageHeading
        title="Attestations de client"
        lead={`Annexe 1 de la charte : chaque client qui utilise le service « ${data.service.name} » l'atteste, avec une signature du client et du représentant légal ${ofWord(data.organization.legalName)}. Une attestation par client ; il en faut au moins une signée et scellée.`}
      />
      {data.permissions.manage && (
        <ButtonLink href={`${serviceHref}/attestations/nouvelle`} className="mb-8">
          Remplir une nouvelle attestation
        </ButtonLink>
      )}
      {data.attestations.length === 0 ? (
        <p className="text-grey-800">Aucune attestation de client pour ce service.</p>
      ) : (
        <AttestationsTable
          caption={`Attestations de client du service ${data.service.name}`}
          rows={data.attestations.map((a) => ({
            href: `${serviceHref}/attestations/${a.id}`,
            clientName: a.clientName || "Attestation sans nom de client",
            clientSiret: a.clientSiret ? formatSiret(a.clientSiret) : "—",
            statusLabel: a.statusLabel,
            status: a.status,
            updatedOn: formatDate(a.sealedAt ?? a.updatedAt),
          }))}
        />
      )}
    </div>
  );
}
