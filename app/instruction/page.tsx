import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { formatSiret } from "@/lib/organizations/formatting";
import { registeredOrganizations } from "@/lib/organizations/registered-organizations.server";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Instruction des dossiers" };

export default async function ReviewHomePage() {
  const actor = await requirePermission({ type: "ansSpace.view" }, "/instruction");
  const { total, organizations } = await registeredOrganizations(actor);
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <PageHeading title="Instruction des dossiers" lead="Espace de l'Agence du numérique en santé (ANS)." />
      <Alert variant="info" title="File d'instruction">
        Aucun dossier d&apos;adhésion n&apos;est en attente d&apos;instruction.
      </Alert>
      <section aria-labelledby="organisations" className="mt-10">
        <h2 id="organisations" className="text-2xl font-bold">
          Organisations inscrites ({total})
        </h2>
        <table className="mt-4 w-full border-collapse text-left">
          <caption className="sr-only">Organisations inscrites, les plus récentes d&apos;abord</caption>
          <thead>
            <tr className="border-b-2 border-neutral-800">
              <th scope="col" className="py-2 pr-4">Raison sociale</th>
              <th scope="col" className="py-2 pr-4">SIRET</th>
              <th scope="col" className="py-2 pr-4">Membres</th>
              <th scope="col" className="py-2">Inscrite le</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.id} className="border-b border-neutral-300">
                <td className="py-2 pr-4">{o.legalName}</td>
                <td className="py-2 pr-4 whitespace-nowrap">{formatSiret(o.siret)}</td>
                <td className="py-2 pr-4">{o._count.memberships}</td>
                <td className="py-2">{formatDate(o.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
