import Link from "next/link";
import { useId } from "react";
import { TableScroll } from "../ui/TableScroll";

type Member = { name: string; email: string; isLegalRepresentative: boolean; active: boolean };

export function OrganizationSummary(props: {
  legalName: string;
  siret: string;
  address: string;
  createdOn: string;
  members: Member[];
  /** Links the "manage" entry to this organisation; without it, the page opens the person's first organisation. */
  organizationId?: string;
}) {
  // Unique per summary: a person who belongs to several organisations sees several of them.
  const headingId = useId();
  const manageHref = props.organizationId ? `/editeur/organisation?organisation=${encodeURIComponent(props.organizationId)}` : "/editeur/organisation";
  return (
    <section aria-labelledby={headingId} className="rounded border border-neutral-300 p-6">
      <h2 id={headingId} className="text-2xl font-bold">
        {props.legalName}
      </h2>
      <dl className="mt-4 grid gap-x-8 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">SIRET</dt>
        <dd>{props.siret}</dd>
        <dt className="font-semibold">Adresse</dt>
        <dd className="whitespace-pre-line">{props.address}</dd>
        <dt className="font-semibold">Inscrite le</dt>
        <dd>{props.createdOn}</dd>
      </dl>
      <h3 className="mt-6 text-xl font-bold">Membres</h3>
      <TableScroll label="Membres de l'organisation" className="mt-3">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Membres de l&apos;organisation</caption>
          <thead>
            <tr className="border-b-2 border-neutral-800">
              <th scope="col" className="py-2 pr-4">Nom</th>
              <th scope="col" className="py-2 pr-4">Adresse e-mail</th>
              <th scope="col" className="py-2">Rôle</th>
            </tr>
          </thead>
          <tbody>
            {props.members.map((member) => (
              <tr key={member.email} className="border-b border-neutral-300">
                <td className="py-2 pr-4">{member.name}</td>
                <td className="py-2 pr-4">{member.email}</td>
                <td className="py-2">
                  {member.isLegalRepresentative ? "Représentant légal" : "Membre de l'équipe"}
                  {!member.active && " (désactivé)"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {!props.members.some((m) => m.isLegalRepresentative) && (
        <p className="mt-4 font-semibold text-warning">
          Aucun représentant légal n&apos;est encore désigné : il devra rejoindre l&apos;organisation pour signer.
        </p>
      )}
      <p className="mt-6">
        <Link href={manageHref} className="text-primary underline">
          Gérer l&apos;organisation et ses membres
        </Link>
      </p>
    </section>
  );
}
