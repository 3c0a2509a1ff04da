import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Pagination } from "@/components/review/Pagination";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Select } from "@/components/ui/Select";
import { TextField } from "@/components/ui/TextField";
import { EVENT_NAMES, eventLabel } from "@/lib/events/catalogue";
import { auditLogPage } from "@/lib/audit-log/audit-log.server";
import { AUDIT_EXPORT_MAX_ROWS, auditLogQueryParams, parseAuditLogQuery, type AuditLogQuery } from "@/lib/audit-log/audit-log-query";
import { requirePermission } from "@/lib/auth/session.server";
import { EventJournalTable } from "@/components/events/EventJournalTable";

export const metadata: Metadata = { title: "Journal des événements — administration" };

const number = new Intl.NumberFormat("fr-FR");
const hrefOf = (query: AuditLogQuery, change: Partial<AuditLogQuery>) => {
  const params = auditLogQueryParams(query, change).toString();
  return params ? `/administration/journal?${params}` : "/administration/journal";
};
const eventTypes = [...EVENT_NAMES].sort((a, b) => eventLabel(a).localeCompare(eventLabel(b), "fr"));

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ type: "auditLog.read" }, "/administration/journal");
  const query = parseAuditLogQuery(await searchParams);
  const { total, pageCount, events } = await auditLogPage(actor, query);
  const exportParams = auditLogQueryParams(query, { page: 1 }).toString();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Journal des événements" }]} />
      <PageHeading title="Journal des événements" lead="Chaque action enregistrée sur le portail, la plus récente d'abord." />
      <form method="get" action="/administration/journal" role="search" aria-labelledby="filtres-journal" className="grid gap-4 border border-grey-200 bg-grey-50 p-4 sm:grid-cols-2 lg:grid-cols-3">
        <h2 id="filtres-journal" className="text-xl font-bold sm:col-span-2 lg:col-span-3">
          Filtrer le journal
        </h2>
        <Select id="type" name="type" label="Événement" defaultValue={query.type ?? ""}>
          <option value="">Tous les événements</option>
          {eventTypes.map((t) => (
            <option key={t} value={t}>
              {eventLabel(t)}
            </option>
          ))}
        </Select>
        <TextField id="du" name="du" label="Du" hint="Jour inclus, heure de Paris." type="date" defaultValue={query.from ?? ""} />
        <TextField id="au" name="au" label="Au" hint="Jour inclus, heure de Paris." type="date" defaultValue={query.to ?? ""} />
        <TextField id="organisation" name="organisation" label="Organisation" hint="Tout ou partie de la raison sociale." maxLength={100} defaultValue={query.organization} />
        <TextField id="acteur" name="acteur" label="Adresse e-mail de l'auteur" hint="Tout ou partie de l'adresse." maxLength={100} defaultValue={query.actorEmail} />
        <div className="flex flex-wrap items-end gap-4 sm:col-span-2 lg:col-span-3">
          <Button type="submit">Filtrer</Button>
          <ButtonLink href="/administration/journal" variant="secondary">
            Réinitialiser
          </ButtonLink>
          <a href={`/api/administration/journal.csv${exportParams ? `?${exportParams}` : ""}`} className="underline" download>
            Exporter ces événements en CSV
          </a>
        </div>
        <p className="text-sm text-grey-800 sm:col-span-2 lg:col-span-3">
          L&apos;export reprend les filtres ci-dessus, au plus {number.format(AUDIT_EXPORT_MAX_ROWS)} événements (les plus récents) ; il est lui-même inscrit au journal.
        </p>
      </form>

      <section aria-labelledby="evenements-titre" className="mt-10">
        <h2 id="evenements-titre" className="text-2xl font-bold">
          Événements ({number.format(total)})
        </h2>
        {events.length === 0 && total > 0 ? (
          <Alert variant="info" title={`La page ${number.format(query.page)} n'existe pas`} className="mt-4">
            Ces filtres retiennent {number.format(total)} événement{total > 1 ? "s" : ""}, sur {number.format(pageCount)} page{pageCount > 1 ? "s" : ""}.{" "}
            <Link href={hrefOf(query, { page: pageCount })}>Aller à la dernière page (page {number.format(pageCount)})</Link>
          </Alert>
        ) : events.length === 0 ? (
          <Alert variant="info" title="Aucun événement" className="mt-4">
            Aucun événement ne correspond à ces filtres.
          </Alert>
        ) : (
          <EventJournalTable
            caption={
              <>
                {number.format(total)} événement{total > 1 ? "s" : ""}, les plus récents d&apos;abord — page {query.page} sur {pageCount}
              </>
            }
            events={events}
          />
        )}
        {events.length > 0 ? <Pagination page={query.page} pageCount={pageCount} hrefOf={(page) => hrefOf(query, { page })} label="Pages du journal" /> : null}
      </section>
    </div>
  );
}
