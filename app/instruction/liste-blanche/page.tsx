import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { Select } from "@/components/ui/Select";
import { TextField } from "@/components/ui/TextField";
import { WhitelistTable } from "@/components/whitelist/WhitelistTable";
import { requirePermission } from "@/lib/auth/session.server";
import {
  parseWhitelistQuery,
  WHITELIST_STATUS_LABELS,
  whitelistQueryParams,
  type WhitelistStatusSlug,
} from "@/lib/whitelist/view-query";
import { whitelistView } from "@/lib/whitelist/whitelist-view.server";

export const metadata: Metadata = { title: "Liste blanche de l'espace de confiance" };

export default async function WhitelistPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ type: "whitelist.view" }, "/instruction/liste-blanche");
  const query = parseWhitelistQuery(await searchParams);
  const view = await whitelistView(actor, query);
  const page = Math.min(query.page, view.pageCount);
  return (
    <div className="mx-auto max-w-7xl px-4 py-10">
      <Breadcrumb items={[{ label: "Instruction des dossiers", href: "/instruction" }, { label: "Liste blanche" }]} />
      <PageHeading
        title="Liste blanche de l'espace de confiance"
        lead="Les habilitations accordées, avec ce que la passerelle du ROR applique : URL, certificats, profil d'accès et quotas."
      />
      <p className="mb-6">
        <Link href="/instruction/passerelle">Télécharger la configuration de la passerelle</Link>
      </p>
      {view.expiringSoonCount > 0 ? (
        <Alert variant="warning" title="Certificats à renouveler">
          {view.expiringSoonCount === 1 ? "1 habilitation en vigueur a" : `${view.expiringSoonCount} habilitations en vigueur ont`} un certificat qui expire dans
          moins de 60 jours ou a expiré.{" "}
          <Link href={`/instruction/liste-blanche${whitelistQueryParams({ ...query, expiringSoon: true, page: 1 })}`}>Les afficher</Link>
        </Alert>
      ) : null}
      <form method="get" role="search" aria-label="Filtrer la liste blanche" className="mt-6 grid gap-4 md:grid-cols-5 md:items-end">
        <TextField id="q" name="q" label="Rechercher" hint="Organisation, SIRET, service, URL ou empreinte." defaultValue={query.search} className="md:col-span-2" />
        <Select id="statut" name="statut" label="Statut" defaultValue={query.status}>
          {(Object.keys(WHITELIST_STATUS_LABELS) as WhitelistStatusSlug[]).map((slug) => (
            <option key={slug} value={slug}>
              {WHITELIST_STATUS_LABELS[slug]}
            </option>
          ))}
        </Select>
        <Select id="environnement" name="environnement" label="Environnement" defaultValue={query.environment ?? ""}>
          <option value="">Tous</option>
          <option value="test">Test</option>
          <option value="production">Production</option>
        </Select>
        <Select id="profil" name="profil" label="Profil d'accès" defaultValue={query.profileCode ?? ""}>
          <option value="">Tous</option>
          {view.profiles.map((p) => (
            <option key={p.code} value={p.code}>
              {p.label}
            </option>
          ))}
        </Select>
        <Checkbox id="expiration" name="expiration" value="bientot" label="Certificat expirant dans moins de 60 jours" defaultChecked={query.expiringSoon} className="md:col-span-3" />
        <div className="md:col-span-2">
          <Button type="submit">Filtrer</Button>
        </div>
      </form>
      <h2 className="mt-10 text-2xl font-bold" aria-live="polite">
        {view.total === 0 ? "Aucune habilitation ne correspond" : view.total === 1 ? "1 habilitation" : `${view.total} habilitations`}
        {view.pageCount > 1 ? ` — page ${page} sur ${view.pageCount}` : ""}
      </h2>
      {view.rows.length > 0 ? (
        <WhitelistTable rows={view.rows} caption="Liste blanche : une ligne par habilitation et environnement" detailHref={(id) => `/instruction/liste-blanche/${id}`} />
      ) : null}
      {view.pageCount > 1 ? (
        <nav aria-label="Pagination" className="mt-6 flex gap-4">
          {page > 1 ? <Link href={`/instruction/liste-blanche${whitelistQueryParams(query, { page: page - 1 })}`}>Page précédente</Link> : null}
          {page < view.pageCount ? <Link href={`/instruction/liste-blanche${whitelistQueryParams(query, { page: page + 1 })}`}>Page suivante</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
