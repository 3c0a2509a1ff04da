import { ANNEX_LABELS } from "@/lib/attestations/attestation-schema";
import { contentSignatories, formatIsoDay, formatSiret, type AttestationContent } from "@/lib/attestations/attestation-content";
import { signatoryName } from "@/lib/attestations/signatories";

/** The attestation as sent, readable in the page (the same wording as the PDF). */
export function AttestationDocument({ content, headingLevel = 2 }: { content: AttestationContent; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const SubHeading = headingLevel === 2 ? "h3" : "h4";
  const row = (label: string, value: string) => (
    <div className="py-2">
      <dt className="font-bold">{label}</dt>
      <dd className="mt-1 whitespace-pre-line break-words">{value || "—"}</dd>
    </div>
  );
  return (
    <article aria-labelledby="document-titre" className="rounded border border-grey-300 bg-white p-6 shadow-sm">
      <Heading id="document-titre" className="text-2xl font-bold text-primary">
        Attestation de client
      </Heading>
      <p className="mb-6 text-sm text-grey-800">Annexe 1 de la charte d&apos;accès aux données du ROR pour les services numériques en santé</p>
      <SubHeading className="text-lg font-bold">ENTRE</SubHeading>
      <dl className="mb-4">
        {row(ANNEX_LABELS.client, `${content.clientName}\n${content.clientAddress}`)}
        {row(
          ANNEX_LABELS.clientSignatory,
          contentSignatories(content)
            .map((s) => [signatoryName(s), s.function].filter(Boolean).join(", "))
            .join("\n"),
        )}
        {row(ANNEX_LABELS.clientSiret, formatSiret(content.clientSiret))}
      </dl>
      <SubHeading className="text-lg font-bold">ET</SubHeading>
      <dl className="mb-4">
        {row(ANNEX_LABELS.editor, `${content.editorName}\n${content.editorAddress}`)}
        {row(ANNEX_LABELS.editorLegalRepresentative, content.editorLegalRepresentativeName)}
      </dl>
      <p className="mb-4">
        Le client atteste utiliser le service numérique « {content.serviceName} » (logiciel {content.softwareName}) de l&apos;éditeur, dont il a signé la
        commande, et qui nécessite l&apos;accès aux données du ROR à diffusion restreinte ou très restreinte.
      </p>
      <dl className="mb-4">
        {row(ANNEX_LABELS.orderSignedOn, formatIsoDay(content.orderSignedOn))}
        {row(ANNEX_LABELS.softwareVersion, content.softwareVersion)}
      </dl>
      <p>
        Fait à {content.place}, le {formatIsoDay(content.madeOn)}
      </p>
    </article>
  );
}
