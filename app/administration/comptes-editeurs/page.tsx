import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { editorAccounts } from "@/lib/accounts/editor-accounts.server";
import { userStatusLabels } from "@/lib/auth/role-labels";
import { requirePermission } from "@/lib/auth/session.server";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Comptes des éditeurs — administration" };

export default async function EditorAccountsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requirePermission({ type: "users.manage" }, "/administration/comptes-editeurs");
  const { q, limit, accounts } = await editorAccounts(actor, await searchParams);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Comptes des éditeurs" }]} />
      <PageHeading title="Comptes des éditeurs" lead="Désactiver ou réactiver le compte d'une personne d'un éditeur, avec un motif qui lui est communiqué." />
      <form method="get" action="/administration/comptes-editeurs" role="search" aria-labelledby="recherche-comptes" className="mb-8 flex flex-wrap items-end gap-4 border border-grey-200 bg-grey-50 p-4">
        <h2 id="recherche-comptes" className="sr-only">
          Rechercher un compte
        </h2>
        <TextField id="q" name="q" label="Nom, adresse e-mail ou organisation" hint="Tout ou partie." maxLength={100} defaultValue={q} className="min-w-72 flex-1" />
        <Button type="submit">Rechercher</Button>
      </form>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left text-grey-800">
            {q ? `Comptes correspondant à « ${q} »` : "Les comptes les plus récents"} : {accounts.length}
            {accounts.length === limit ? ` (les ${limit} premiers)` : ""}
          </caption>
          <thead>
            <tr className="border-b-2 border-grey-950">
              <th scope="col" className="py-2 pr-4">Nom</th>
              <th scope="col" className="py-2 pr-4">Adresse e-mail</th>
              <th scope="col" className="py-2 pr-4">Organisations</th>
              <th scope="col" className="py-2 pr-4">Statut</th>
              <th scope="col" className="py-2">Créé le</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className="border-b border-grey-200 align-top">
                <th scope="row" className="py-2 pr-4 font-semibold">
                  <Link href={`/administration/comptes-editeurs/${a.id}`} className="text-primary underline">
                    {a.name}
                  </Link>
                </th>
                <td className="py-2 pr-4 break-all">{a.email}</td>
                <td className="py-2 pr-4">{a.organizations.join(", ") || "Aucune"}</td>
                <td className="py-2 pr-4">
                  {userStatusLabels[a.status]}
                  {a.emailVerifiedAt ? "" : " (adresse non confirmée)"}
                </td>
                <td className="py-2 whitespace-nowrap">{formatDate(a.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
