import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { CharterSummaryList } from "@/components/catalogue/CharterSummaryList";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { requirePermission } from "@/lib/auth/session.server";
import { charterSummary, parseCharterDocument } from "@/lib/catalogue/charter-document";
import { charterAcceptancePage } from "@/lib/catalogue/charter.server";
import { isAppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/time";
import { AcceptCharterForm } from "./accept-charter-form";

export const metadata: Metadata = { title: "Acceptation de la charte" };

async function loadPage(actor: Parameters<typeof charterAcceptancePage>[0], organizationId: string) {
  try {
    return await charterAcceptancePage(actor, organizationId);
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function EditorCharterPage({
  searchParams,
}: {
  searchParams: Promise<{ organisation?: string | string[]; acceptee?: string }>;
}) {
  const actor = await requirePermission({ type: "editorSpace.view" }, "/editeur/charte");
  const params = await searchParams;
  const organizationId = typeof params.organisation === "string" ? params.organisation : actor.memberships[0]?.organizationId;
  if (!organizationId) forbidden();
  const { organization, legalRepresentatives, charter, status, canAccept } = await loadPage(actor, organizationId);

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Espace éditeur", href: "/editeur" }, { label: "Charte d'accès aux données du ROR" }]} />
      <PageHeading
        title="Charte d'accès aux données du ROR"
        lead={
          charter
            ? `Version ${charter.version}, publiée le ${formatDate(charter.publishedAt)}, pour ${organization.legalName}.`
            : `Pour ${organization.legalName}.`
        }
      />

      {!charter ? (
        <Alert variant="info" title="Aucune version publiée">
          <p>La charte n&apos;est pas encore publiée : il n&apos;y a rien à accepter pour le moment.</p>
        </Alert>
      ) : (
        <>
          {status.acceptedCurrent && status.acceptance ? (
            <Alert variant="success" title={`Charte acceptée (version ${charter.version})`} live={params.acceptee === "1"} className="mb-8">
              <p>
                Acceptée pour {organization.legalName} par {status.acceptance.by.name} le{" "}
                {formatDateTime(status.acceptance.at)}.
              </p>
              <p>
                <Link href="/editeur">Retour à l&apos;espace éditeur</Link>
              </p>
            </Alert>
          ) : canAccept ? (
            <Alert variant="warning" title="Votre acceptation est requise" className="mb-8">
              <p>
                En tant que représentant légal de {organization.legalName}, lisez la charte puis acceptez-la au bas de
                cette page. Tant qu&apos;elle n&apos;est pas acceptée, vos demandes d&apos;adhésion ne peuvent pas être
                soumises.
              </p>
            </Alert>
          ) : (
            <Alert variant="info" title="Seul un représentant légal peut accepter la charte" className="mb-8">
              {legalRepresentatives.length > 0 ? (
                <>
                  <p>La charte doit être acceptée pour {organization.legalName} par l&apos;un de ses représentants légaux :</p>
                  <ul className="list-disc pl-6">
                    {legalRepresentatives.map((person) => (
                      <li key={person.email}>
                        {person.name} ({person.email})
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>
                  {organization.legalName} n&apos;a pas encore de représentant légal : invitez-le à rejoindre
                  l&apos;organisation pour qu&apos;il accepte la charte.
                </p>
              )}
            </Alert>
          )}

          <section aria-labelledby="resume" className="mt-10">
            <h2 id="resume" className="text-2xl font-bold">
              La charte en résumé
            </h2>
            <p className="mt-2 text-grey-800">
              Chaque titre mène à la section correspondante du texte complet, qui seul fait foi.
            </p>
            <div className="mt-6">
              <CharterSummaryList
                entries={charterSummary(parseCharterDocument(charter.body))}
                fullTextPath={`/charte?version=${encodeURIComponent(charter.version)}`}
              />
            </div>
            <p className="mt-6">
              <ButtonLink href={`/charte?version=${encodeURIComponent(charter.version)}`} variant="secondary">
                Lire la charte complète, version {charter.version}
              </ButtonLink>
            </p>
          </section>

          {canAccept && !status.acceptedCurrent ? (
            <section aria-labelledby="acceptation" className="mt-12 border-t border-grey-200 pt-8">
              <h2 id="acceptation" className="mb-6 text-2xl font-bold">
                Acceptation
              </h2>
              <AcceptCharterForm organizationId={organization.id} version={charter.version} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
