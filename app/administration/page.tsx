import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/PageHeading";
import { administrationOverview } from "@/lib/administration.server";
import { platformRoleLabels, userStatusLabels } from "@/lib/auth/role-labels";
import { requirePermission } from "@/lib/auth/session.server";
import { EventJournalTable } from "@/components/events/EventJournalTable";
import { TableScroll } from "@/components/ui/TableScroll";

export const metadata: Metadata = { title: "Administration" };

export default async function AdministrationPage() {
  const actor = await requirePermission({ type: "users.manage" }, "/administration");
  const { users, events } = await administrationOverview(actor);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <PageHeading title="Administration" lead="Comptes du portail et journal des événements." />
      <nav aria-labelledby="referentiels" className="mb-10">
        <h2 id="referentiels" className="text-2xl font-bold">Référentiels</h2>
        <ul className="mt-4 list-disc space-y-2 pl-6">
          <li><Link href="/administration/charte">Versions de la charte d&apos;accès aux données</Link></li>
          <li><Link href="/administration/profils">Profils d&apos;accès et quotas par défaut</Link></li>
          <li><Link href="/administration/autorites">Autorités de certification des environnements de test et de production</Link></li>
          <li><Link href="/administration/platines">Plans de tests PLATINES exigés des services</Link></li>
          <li><Link href="/administration/api">API du ROR protégées par la passerelle : préfixes, types de données et quotas de niveau 1</Link></li>
          <li><Link href="/administration/quotas">Quota de niveau 1 par API</Link></li>
          <li><Link href="/administration/jetons">Jetons d&apos;API de la passerelle</Link></li>
          <li><Link href="/administration/reprise">Reprise de l&apos;espace de confiance existant : import de la liste blanche actuelle</Link></li>
          <li><Link href="/administration/instructeurs">Comptes de l&apos;ANS : instructeurs et administrateurs</Link></li>
          <li><Link href="/administration/comptes-editeurs">Comptes des éditeurs : désactiver ou réactiver</Link></li>
          <li><Link href="/administration/journal">Journal des événements : filtres et export CSV</Link></li>
          <li><Link href="/administration/courriels">Courriels en échec : consulter et renvoyer</Link></li>
          <li><Link href="/administration/webhooks">Webhooks : abonnements de la passerelle et des outils, envois et renvois</Link></li>
          <li><Link href="/administration/modeles">Modèles de messages des instructeurs</Link></li>
        </ul>
      </nav>
      <section aria-labelledby="comptes">
        <h2 id="comptes" className="text-2xl font-bold">Comptes</h2>
        <TableScroll label="Comptes du portail" className="mt-4">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Comptes du portail</caption>
            <thead>
              <tr className="border-b-2 border-neutral-800">
                <th scope="col" className="py-2 pr-4">Nom</th>
                <th scope="col" className="py-2 pr-4">Adresse e-mail</th>
                <th scope="col" className="py-2 pr-4">Rôles</th>
                <th scope="col" className="py-2">Statut</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-b border-neutral-300">
                  <td className="py-2 pr-4">{u.name}</td>
                  <td className="py-2 pr-4">{u.email}</td>
                  <td className="py-2 pr-4">{u.roles.map((r) => platformRoleLabels[r]).join(", ")}</td>
                  <td className="py-2">{userStatusLabels[u.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section aria-labelledby="journal" className="mt-12">
        <h2 id="journal" className="text-2xl font-bold">Derniers événements</h2>
        <EventJournalTable caption="Les 50 derniers événements du journal, les plus récents d'abord" events={events} captionHidden />
      </section>
    </div>
  );
}
