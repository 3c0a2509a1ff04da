import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { NoticeArea } from "@/components/ui/NoticeArea";
import { ansAccounts } from "@/lib/ans-accounts/ans-accounts.server";
import { userStatusLabels } from "@/lib/auth/role-labels";
import { requirePermission } from "@/lib/auth/session.server";
import { formatDate } from "@/lib/time";
import { AccountButtons } from "./account-buttons";
import { CreateAccountForm } from "./create-account-form";
import { TableScroll } from "@/components/ui/TableScroll";

export const metadata: Metadata = { title: "Comptes de l'ANS — administration" };

export default async function AnsAccountsPage() {
  const actor = await requirePermission({ type: "users.manage" }, "/administration/instructeurs");
  const accounts = await ansAccounts(actor);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Comptes de l'ANS" }]} />
      <PageHeading title="Comptes de l'ANS" lead="Instructeurs et administrateurs. Il reste toujours au moins un administrateur actif." />
      <NoticeArea>
        <section aria-labelledby="comptes-titre">
          <h2 id="comptes-titre" className="text-2xl font-bold">
            Comptes ({accounts.length})
          </h2>
          <TableScroll label="Comptes de l'ANS, administrateurs d'abord">
            <table className="mt-4 w-full border-collapse text-left">
              <caption className="sr-only">Comptes de l&apos;ANS, administrateurs d&apos;abord</caption>
              <thead>
                <tr className="border-b-2 border-grey-950">
                  <th scope="col" className="py-2 pr-4">Nom</th>
                  <th scope="col" className="py-2 pr-4">Adresse e-mail</th>
                  <th scope="col" className="py-2 pr-4">Rôle</th>
                  <th scope="col" className="py-2 pr-4">Statut</th>
                  <th scope="col" className="py-2 pr-4">Créé le</th>
                  <th scope="col" className="py-2">Actions</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <tr key={a.id} className="border-b border-grey-200 align-top">
                    <th scope="row" className="py-2 pr-4 font-semibold">{a.name}</th>
                    <td className="py-2 pr-4 break-all">{a.email}</td>
                    <td className="py-2 pr-4">{a.isAdmin ? "Administrateur ANS" : "Instructeur ANS"}</td>
                    <td className="py-2 pr-4">{userStatusLabels[a.status]}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{formatDate(a.createdAt)}</td>
                    <td className="py-2">
                      <AccountButtons userId={a.id} name={a.name} active={a.status === "ACTIVE"} admin={a.isAdmin} self={a.isSelf} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
        <section aria-labelledby="creer-titre" className="mt-12">
          <h2 id="creer-titre" className="text-2xl font-bold">
            Créer un compte d&apos;instructeur
          </h2>
          <p className="mt-2 mb-4 text-grey-800">
            Un mot de passe à usage unique est affiché une seule fois après la création ; la personne reçoit un courriel qui ne le contient pas.
          </p>
          <CreateAccountForm />
        </section>
      </NoticeArea>
    </div>
  );
}
