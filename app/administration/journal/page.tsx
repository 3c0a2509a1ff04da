import type { Metadata } from "next";
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
import { formatDateTime } from "@/lib/time";

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
        {events.length === 0 ? (
          <Alert variant="info" title="Aucun événement" className="mt-4">
            Aucun événement ne correspond à ces filtres.
          </Alert>
        ) : (
          <div className="overflow-x-auto">
            <table className="mt-4 w-full border-collapse text-left">
              <caption className="py-2 text-left font-semibold">
                {number.format(total)} événement{total > 1 ? "s" : ""}, les plus récents d&apos;abord — page {query.page} sur {pageCount}
              </caption>
              <thead>
                <tr className="border-b-2 border-grey-950">
                  <th scope="col" className="py-2 pr-4">Date</th>
                  <th scope="col" className="py-2 pr-4">Événement</th>
                  <th scope="col" className="py-2 pr-4">Auteur</th>
                  <th scope="col" className="py-2 pr-4">Organisation</th>
                  <th scope="col" className="py-2">Adresse IP</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id} className="border-b border-grey-200 align-top">
                    <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(e.occurredAt)}</td>
                    <td className="py-2 pr-4">{e.label}</td>
                    <td className="py-2 pr-4">
                      {e.actor ? (
                        <>
                          {e.actor.name}
                          <span className="block break-all text-sm text-grey-800">{e.actor.email}</span>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="py-2 pr-4">{e.organizationName ?? "—"}</td>
                    <td className="py-2">{e.ip ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={query.page} pageCount={pageCount} hrefOf={(page) => hrefOf(query, { page })} label="Pages du journal" />
      </section>
    </div>
  );
}
