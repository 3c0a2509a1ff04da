import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/PageHeading";
import { Pagination } from "@/components/review/Pagination";
import { QueueTable } from "@/components/review/QueueTable";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Select } from "@/components/ui/Select";
import { TextField } from "@/components/ui/TextField";
import { requirePermission } from "@/lib/auth/session.server";
import { listActiveAccessProfiles } from "@/lib/catalogue/access-profiles.server";
import { reviewerQueue } from "@/lib/review/queue.server";
import { countOrganizationsAwaitingVerification } from "@/lib/organizations/review.server";
import { countSquattingCases, SQUATTING_QUEUE_PATH } from "@/lib/organizations/squatting.server";
import {
  parseQueueQuery,
  QUEUE_ASSIGNMENT_LABELS,
  QUEUE_ASSIGNMENTS,
  QUEUE_KINDS,
  QUEUE_SEARCH_MAX_LENGTH,
  QUEUE_SORT_LABELS,
  QUEUE_SORTS,
  QUEUE_STATUS_LABELS,
  QUEUE_STATUSES,
  queueQueryParams,
  WAITING_BUCKET_LABELS,
  WAITING_BUCKETS,
  type QueueQuery,
  type QueueStatusSlug,
} from "@/lib/review/queue-query";
import { profileName } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Instruction des dossiers" };

const STATUS_SLUGS = [...(Object.keys(QUEUE_STATUSES) as QueueStatusSlug[]), "tous" as const];
const KIND_LABELS: Record<keyof typeof QUEUE_KINDS, string> = { nouveau: "Nouvelle adhésion", modification: "Demande de modification" };

function hrefOf(query: QueueQuery, change: Partial<QueueQuery>): string {
  const params = queueQueryParams(query, change).toString();
  return params ? `/instruction?${params}` : "/instruction";
}

const number = new Intl.NumberFormat("fr-FR");

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ type: "ansSpace.view" }, "/instruction");
  const query = parseQueueQuery(await searchParams);
  const [queue, profiles, organizationsToVerify, squattingCases] = await Promise.all([
    reviewerQueue(actor, query),
    listActiveAccessProfiles(),
    countOrganizationsAwaitingVerification(),
    countSquattingCases(),
  ]);
  const filtered = query.assignment || query.profileCode || query.kind || query.waiting || query.search;
  const totalText = queue.totalCapped ? `plus de ${number.format(queue.total)}` : number.format(queue.total);
  const caption = `${QUEUE_STATUS_LABELS[query.status]} : ${totalText} dossier${queue.total > 1 ? "s" : ""}${filtered ? " correspondant aux filtres" : ""}, ${QUEUE_SORT_LABELS[query.sort].toLowerCase()} — page ${query.page} sur ${queue.pageCount}`;

  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <PageHeading title="Instruction des dossiers" lead="Dossiers d'adhésion déposés par les éditeurs, à instruire par l'ANS." />
      <p className="-mt-4 mb-8">
        <Link href="/instruction/statistiques">Statistiques de l&apos;espace de confiance</Link>
      </p>

      <nav aria-labelledby="statuts-titre" className="mb-8">
        <h2 id="statuts-titre" className="sr-only">
          Dossiers par statut
        </h2>
        <ul className="flex flex-wrap gap-2">
          {STATUS_SLUGS.map((slug) => (
            <li key={slug}>
              <Link
                href={hrefOf(query, { status: slug, page: 1 })}
                aria-current={slug === query.status ? "page" : undefined}
                className={`inline-block border px-3 py-2 ${slug === query.status ? "border-primary bg-primary font-bold text-white" : "border-grey-200"}`}
              >
                {QUEUE_STATUS_LABELS[slug]} ({number.format(queue.counts[slug])})
              </Link>
            </li>
          ))}
          <li>
            <Link href="/instruction/organisations" className="inline-block border border-grey-200 px-3 py-2">
              Organisations à vérifier ({number.format(organizationsToVerify)})
            </Link>
          </li>
          <li>
            <Link href={SQUATTING_QUEUE_PATH} className="inline-block border border-grey-200 px-3 py-2">
              Rattachements transmis à l&apos;ANS ({number.format(squattingCases)})
            </Link>
          </li>
        </ul>
      </nav>

      <nav aria-labelledby="attribution-titre" className="-mt-4 mb-8">
        <h2 id="attribution-titre" className="sr-only">
          Dossiers par attribution
        </h2>
        <ul className="flex flex-wrap gap-2">
          {[null, ...QUEUE_ASSIGNMENTS].map((assignment) => (
            <li key={assignment ?? "tous"}>
              <Link
                href={hrefOf(query, { assignment, page: 1 })}
                aria-current={assignment === query.assignment ? "page" : undefined}
                className={`inline-block border px-3 py-2 ${assignment === query.assignment ? "border-primary bg-primary-light font-bold" : "border-grey-200"}`}
              >
                {assignment ? QUEUE_ASSIGNMENT_LABELS[assignment] : "Tous les instructeurs"}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

        <form method="get" action="/instruction" role="search" className="grid gap-4 border border-grey-200 bg-grey-50 p-4 sm:grid-cols-2 lg:grid-cols-3" aria-labelledby="filtres-titre">
          <h2 id="filtres-titre" className="text-xl font-bold sm:col-span-2 lg:col-span-3">
            Filtrer et rechercher
          </h2>
          <TextField
            id="q"
            name="q"
            label="Rechercher"
            hint="Raison sociale, SIRET ou nom du service."
            type="search"
            maxLength={QUEUE_SEARCH_MAX_LENGTH}
            defaultValue={query.search}
            className="sm:col-span-2 lg:col-span-3"
          />
          <Select id="statut" name="statut" label="Statut" defaultValue={query.status}>
            {STATUS_SLUGS.map((slug) => (
              <option key={slug} value={slug}>
                {QUEUE_STATUS_LABELS[slug]}
              </option>
            ))}
          </Select>
          <Select id="attribution" name="attribution" label="Attribution" defaultValue={query.assignment ?? ""}>
            <option value="">Tous les instructeurs</option>
            {QUEUE_ASSIGNMENTS.map((assignment) => (
              <option key={assignment} value={assignment}>
                {QUEUE_ASSIGNMENT_LABELS[assignment]}
              </option>
            ))}
          </Select>
          <Select id="profil" name="profil" label="Profil demandé" defaultValue={query.profileCode ?? ""}>
            <option value="">Tous les profils</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.code}>
                {profileName(p.code, p.label)}
              </option>
            ))}
          </Select>
          <Select id="type" name="type" label="Type de demande" defaultValue={query.kind ?? ""}>
            <option value="">Tous les types</option>
            {(Object.keys(QUEUE_KINDS) as (keyof typeof QUEUE_KINDS)[]).map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </Select>
          <Select id="attente" name="attente" label="Attente depuis le dernier dépôt" defaultValue={query.waiting ?? ""}>
            <option value="">Toutes les durées</option>
            {WAITING_BUCKETS.map((bucket) => (
              <option key={bucket} value={bucket}>
                {WAITING_BUCKET_LABELS[bucket]}
              </option>
            ))}
          </Select>
          <Select id="tri" name="tri" label="Trier par" defaultValue={query.sort}>
            {QUEUE_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {QUEUE_SORT_LABELS[sort]}
              </option>
            ))}
          </Select>
          <div className="flex flex-wrap items-end gap-4 sm:col-span-2 lg:col-span-3">
            <Button type="submit">Appliquer</Button>
            <ButtonLink href="/instruction" variant="secondary">
              Réinitialiser
            </ButtonLink>
          </div>
        </form>

      <section aria-labelledby="resultats-titre" className="mt-10">
        <h2 id="resultats-titre" className="text-2xl font-bold">
          {QUEUE_STATUS_LABELS[query.status]} ({totalText})
        </h2>
        {queue.rows.length === 0 ? (
          <Alert variant="info" title="Aucun dossier" className="mt-4">
            {query.page > 1 ? "Cette page est vide : revenez à la première page." : "Aucun dossier ne correspond à ces critères."}
          </Alert>
        ) : (
          <QueueTable rows={queue.rows} caption={caption} />
        )}
        <Pagination page={query.page} pageCount={queue.pageCount} hrefOf={(page) => hrefOf(query, { page })} label="Pages de la file d'instruction" />
      </section>
    </div>
  );
}
