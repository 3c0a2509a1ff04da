import { Alert } from "@/components/ui/Alert";
import type { AttestationVerification } from "@/lib/attestations/verification-result";
import { formatDateTime } from "@/lib/time";

const PARTY_LABELS = { CLIENT: "pour le client (commanditaire)", EDITOR: "pour l'éditeur (responsable légal)" } as const;

function siret(value: string): string {
  return value.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4");
}

/** What the verification page says about an uploaded attestation. */
export function VerificationResultAlert({ result }: { result: AttestationVerification }) {
  if (!result.authentic) {
    return (
      <Alert variant="error" title="Attestation non reconnue" titleAs="h2" live>
        <p>{result.message}</p>
        <p className="text-sm">
          Demandez à l&apos;éditeur l&apos;attestation telle qu&apos;il l&apos;a téléchargée depuis le portail, sans
          l&apos;ouvrir ni l&apos;enregistrer dans un autre logiciel, puis déposez-la de nouveau.
        </p>
      </Alert>
    );
  }
  return (
    <Alert variant="success" title="Attestation authentique et non modifiée" titleAs="h2" live>
      <p>
        Ce document est une attestation de client scellée par ce portail le {formatDateTime(new Date(result.sealedAt))}, et il
        n&apos;a pas été modifié depuis.
      </p>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">Client</dt>
        <dd>
          {result.clientName} (SIRET {siret(result.clientSiret)})
        </dd>
        <dt className="font-bold">Éditeur</dt>
        <dd>{result.editorName}</dd>
        <dt className="font-bold">Service numérique</dt>
        <dd>
          {result.serviceName}, version {result.softwareVersion}
        </dd>
        <dt className="font-bold">Signataires</dt>
        <dd>
          <ul className="space-y-1">
            {result.signers.map((signer) => (
              <li key={signer.party}>
                {signer.name}, {signer.function}, {PARTY_LABELS[signer.party]} : signé le{" "}
                {formatDateTime(new Date(signer.signedAt))}
              </li>
            ))}
          </ul>
        </dd>
        <dt className="font-bold">Scellée le</dt>
        <dd>{formatDateTime(new Date(result.sealedAt))}</dd>
        <dt className="font-bold">Empreinte SHA-256</dt>
        <dd className="break-all font-mono text-sm">{result.sha256}</dd>
      </dl>
    </Alert>
  );
}
