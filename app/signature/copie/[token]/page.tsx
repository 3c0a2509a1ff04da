import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { anonymousLimitRefusal } from "@/lib/anonymous-limit.server";
import { copyLinkPage } from "@/lib/attestations/signed-copy.server";
import { unusableCopyLinkMessages } from "@/lib/attestations/signing-link";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "Votre exemplaire de l'attestation de client signée", referrer: "no-referrer", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/** A client signatory's signed copy, from the personal link mailed once the attestation is sealed; no account needed. */
export default async function SignedCopyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Personal links are limited per client address with the signing links (ADR 0027).
  const refusal = await anonymousLimitRefusal("signingLink");
  if (refusal) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <PageHeading title="Trop de demandes" />
        <Alert variant="warning">
          <p>{refusal}</p>
        </Alert>
      </div>
    );
  }
  const view = await copyLinkPage(token);
  if (view.state !== "valid") {
    const message = unusableCopyLinkMessages[view.state];
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <PageHeading title={message.title} />
        <Alert variant={view.state === "unknown" ? "error" : "warning"}>
          <p>{message.text}</p>
        </Alert>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <PageHeading
        title="Votre exemplaire de l'attestation de client signée"
        lead={`Attestation de client entre ${view.clientName} et ${view.editorName} pour le service numérique « ${view.serviceName} », signée par tous les signataires et scellée par le portail le ${formatDateTime(view.sealedAt)}.`}
      />
      <section aria-labelledby="copie-titre" className="space-y-4">
        <h2 id="copie-titre" className="text-2xl font-bold">
          Le document scellé
        </h2>
        <p>Exemplaire de {view.signerName}. Ce lien personnel est valable jusqu&apos;au {formatDateTime(view.expiresAt)} : enregistrez le document.</p>
        <p>
          <a href={`/signature/copie/${encodeURIComponent(token)}/document`} className="font-bold text-primary underline">
            Télécharger l&apos;attestation signée et scellée (PDF)
          </a>
        </p>
        <p>
          Empreinte SHA-256 : <code className="break-all text-sm">{view.sealedSha256}</code>. Son authenticité se vérifie sur la page{" "}
          <a href="/verification" className="text-primary underline">
            « Vérifier une attestation »
          </a>
          .
        </p>
      </section>
    </div>
  );
}
