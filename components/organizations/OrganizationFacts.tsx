/** The organisation's identity as a read-only list (for people who may not edit it). */
export function OrganizationFacts(props: { legalName: string; siret: string; address: string; createdOn: string }) {
  return (
    <dl className="grid gap-x-8 gap-y-2 sm:grid-cols-[max-content_1fr]">
      <dt className="font-semibold">Raison sociale</dt>
      <dd>{props.legalName}</dd>
      <dt className="font-semibold">SIRET</dt>
      <dd>{props.siret}</dd>
      <dt className="font-semibold">Adresse postale</dt>
      <dd className="whitespace-pre-line">{props.address}</dd>
      <dt className="font-semibold">Inscrite le</dt>
      <dd>{props.createdOn}</dd>
    </dl>
  );
}
