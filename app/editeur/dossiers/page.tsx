import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { organizationApplications } from "@/lib/applications/organization-applications.server";
import { editorApplicationPath } from "@/lib/paths";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/time";
import { UnreadBadge } from "@/components/review/UnreadBadge";
import { unreadAmong } from "@/lib/review/unread.server";
import { TableScroll } from "@/components/ui/TableScroll";
import { ofWord } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Dossiers d'adhésion" };

async function loadPage(actor: Parameters<typeof organizationApplications>[0], organizationId: string) {
  try {
    return await organizationApplications(actor, organizationId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<{ organisation?: string | string[] }> }) {
  const actor = await requirePermission({ type: "editorSpace.view" }, "/editeur/dossiers");
  const params = await searchParams;
  const organizationId = typeof params.organisation === "string" ? params.organisation : actor.memberships[0]?.organizationId;
  if (!organizationId) forbidden();
  const { organization, otherOrganizations, applications } = await loadPage(actor, organizationId);
  const unread = await unreadAmong(actor, applications.map((a) => a.id));
  const open = applications.filter((a) => a.open);
  const closed = applications.filter((a) => !a.open);

  const table = (rows: typeof applications, caption: string) => (
    <TableScroll label={caption}>
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left font-medium">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-grey-800">
            <th scope="col" className="p-2">Service</th>
            <th scope="col" className="p-2">Nature</th>
            <th scope="col" className="p-2">Statut</th>
            <th scope="col" className="p-2">Dernier changement</th>
            <th scope="col" className="p-2">Habilitation</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} className="border-b border-grey-200 align-top">
              <th scope="row" className="p-2 font-medium">
                <Link href={editorApplicationPath(a.id)} className="text-primary underline">
                  {a.serviceName}
                  <span className="sr-only">, dossier du {formatDate(a.createdAt)}</span>
                </Link>
                {unread.has(a.id) ? <UnreadBadge /> : null}
              </th>
              <td className="p-2">
                {a.kindLabel}
                {a.amendmentReasonLabel ? <span className="block text-sm text-grey-800">{a.amendmentReasonLabel}</span> : null}
              </td>
              <td className="p-2">{a.statusLabel}</td>
              <td className="p-2">{formatDate(a.statusChangedAt)}</td>
              <td className="p-2">{a.enrolment ? `Profil ${a.enrolment.accessProfileCode}, ${a.enrolment.statusLabel.toLowerCase()}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Espace éditeur", href: "/editeur" }, { label: "Dossiers d'adhésion" }]} />
      <PageHeading
        title="Dossiers d'adhésion"
        lead={`Les dossiers d'adhésion des services ${ofWord(organization.legalName)} à l'espace de confiance du ROR : premières demandes et demandes de modification, en cours et passés.`}
      />

      {otherOrganizations.length > 0 && (
        <nav aria-label="Vos autres organisations" className="mb-8">
          <p className="font-medium">Voir les dossiers d&apos;une autre de vos organisations :</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {otherOrganizations.map((other) => (
              <li key={other.id}>
                <Link href={`/editeur/dossiers?organisation=${encodeURIComponent(other.id)}`} className="text-primary underline">
                  {other.legalName}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {applications.length === 0 ? (
        <Alert variant="info" title="Aucun dossier d'adhésion">
          <p>
            Un dossier se crée depuis la page d&apos;un{" "}
            <Link href={`/editeur/services?organisation=${encodeURIComponent(organization.id)}`} className="text-primary underline">
              service numérique
            </Link>
            , une fois le service déclaré.
          </p>
        </Alert>
      ) : (
        <div className="space-y-10">
          <section aria-labelledby="en-cours">
            <h2 id="en-cours" className="mb-4 text-2xl font-bold">
              Dossiers en cours ({open.length})
            </h2>
            {open.length === 0 ? <p className="text-grey-800">Aucun dossier en cours.</p> : table(open, "Dossiers en cours, du plus récent au plus ancien")}
          </section>
          <section aria-labelledby="clos">
            <h2 id="clos" className="mb-4 text-2xl font-bold">
              Dossiers clos ({closed.length})
            </h2>
            {closed.length === 0 ? <p className="text-grey-800">Aucun dossier clos.</p> : table(closed, "Dossiers approuvés, refusés ou retirés, du plus récent au plus ancien")}
          </section>
        </div>
      )}
    </div>
  );
}
