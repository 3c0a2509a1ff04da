import type { Metadata } from "next";
import { AttestationDocument } from "@/components/attestations/AttestationDocument";
import { SignForm } from "@/components/attestations/SignForm";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { anonymousLimitRefusal } from "@/lib/anonymous-limit.server";
import { unusableSigningLinkMessages } from "@/lib/attestations/signing-link";
import { signingLinkPage } from "@/lib/attestations/signing.server";
import { formatDateTime } from "@/lib/time";
import { declineAsClientAction, signAsClientAction } from "./actions";

export const metadata: Metadata = { title: "Signature d'une attestation de client", referrer: "no-referrer", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/** The client signatory's page, reached from the personal link of the e-mail; no account needed. */
export default async function SigningPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Personal links are limited per client address (ADR 0027): past the limit, nothing of the link is read.
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
  const view = await signingLinkPage(token);

  if (view.state !== "valid") {
    const message = unusableSigningLinkMessages[view.state];
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
    <div className="mx-auto max-w-4xl px-4 py-10">
      <PageHeading
        title="Signature de l'attestation de client"
        lead={`${view.content.editorName} vous demande de signer l'attestation de client pour son service numérique « ${view.content.serviceName} ». Ce lien personnel est valable jusqu'au ${formatDateTime(view.expiresAt)} et ne sert qu'une fois.`}
      />
      <section aria-labelledby="lire-titre" className="mb-12 space-y-4">
        <h2 id="lire-titre" className="text-2xl font-bold">
          Le document à signer
        </h2>
        <p>
          Lisez le document ci-dessous.{" "}
          <a href={`/signature/${encodeURIComponent(token)}/document`} className="font-bold text-primary underline">
            Télécharger le document (PDF)
          </a>
          . Empreinte SHA-256 : <code className="break-all text-sm">{view.sentSha256}</code>
        </p>
        <AttestationDocument content={view.content} headingLevel={3} />
      </section>
      <SignForm
        signerName={view.signerName}
        signerFunction={view.signerFunction}
        sign={signAsClientAction.bind(null, token)}
        decline={declineAsClientAction.bind(null, token)}
        doneTitle="Merci"
      />
    </div>
  );
}
