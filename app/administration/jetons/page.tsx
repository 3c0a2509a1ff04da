import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { formatDateTime } from "@/lib/time";
import { listApiTokens } from "@/lib/whitelist/api-tokens.server";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";
import { TableScroll } from "@/components/ui/TableScroll";

export const metadata: Metadata = { title: "Jetons d'API de la passerelle" };

const SCOPE_NAMES: Record<string, string> = { whitelist: "Liste blanche", gateway: "Passerelle" };

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<{ revoque?: string }> }) {
  const actor = await requirePermission({ type: "apiToken.manage" }, "/administration/jetons");
  const tokens = await listApiTokens(actor);
  const { revoque } = await searchParams;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Jetons d'API" }]} />
      <PageHeading
        title="Jetons d'API de la passerelle"
        lead="La passerelle du ROR télécharge la liste blanche (GET /api/v1/whitelist) avec un de ces jetons. Chaque appel est journalisé."
      />
      {revoque ? (
        <Alert variant="success" title="Jeton révoqué" live>
          Les appels faits avec ce jeton sont désormais refusés.
        </Alert>
      ) : null}
      <section aria-labelledby="nouveau" className="mt-8">
        <h2 id="nouveau" className="text-2xl font-bold">
          Créer un jeton
        </h2>
        <div className="mt-4">
          <CreateTokenForm />
        </div>
      </section>
      <section aria-labelledby="jetons" className="mt-12">
        <h2 id="jetons" className="text-2xl font-bold">
          Jetons ({tokens.length})
        </h2>
        {tokens.length === 0 ? (
          <p className="mt-4">Aucun jeton pour l&apos;instant.</p>
        ) : (
          <TableScroll label="Jetons d'API, les actifs d'abord" className="mt-4">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Jetons d&apos;API, les actifs d&apos;abord</caption>
              <thead>
                <tr className="border-b-2 border-neutral-800">
                  <th scope="col" className="py-2 pr-4">Nom</th>
                  <th scope="col" className="py-2 pr-4">Début du jeton</th>
                  <th scope="col" className="py-2 pr-4">Droits</th>
                  <th scope="col" className="py-2 pr-4">Créé</th>
                  <th scope="col" className="py-2 pr-4">Dernière utilisation</th>
                  <th scope="col" className="py-2 pr-4">Appels</th>
                  <th scope="col" className="py-2">État</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id} className="border-b border-neutral-300 align-top">
                    <td className="py-2 pr-4">{t.name}</td>
                    <td className="py-2 pr-4 font-mono">{t.prefix}…</td>
                    <td className="py-2 pr-4">{t.scopes.map((scope) => SCOPE_NAMES[scope] ?? scope).join(", ")}</td>
                    <td className="py-2 pr-4">
                      {formatDateTime(t.createdAt)} par {t.createdBy}
                    </td>
                    <td className="py-2 pr-4">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Jamais"}</td>
                    <td className="py-2 pr-4">{t.calls}</td>
                    <td className="py-2">{t.revokedAt ? `Révoqué le ${formatDateTime(t.revokedAt)}` : <RevokeTokenButton id={t.id} name={t.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
