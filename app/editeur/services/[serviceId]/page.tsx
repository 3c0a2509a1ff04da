import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CharterBanner } from "@/components/catalogue/CharterBanner";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { CompletenessPanel } from "@/components/services/CompletenessPanel";
import { ServiceCertificatesTable } from "@/components/services/ServiceCertificatesTable";
import { ServiceFacts } from "@/components/services/ServiceFacts";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { requirePermission } from "@/lib/auth/session.server";
import { pendingCharterNotices } from "@/lib/catalogue/charter.server";
import { isAppError } from "@/lib/errors";
import { attestationsPath, certificatesPath, platinesPath } from "@/lib/services/completeness";
import { ROR_API_LABELS, SERVICE_PURPOSE_LABELS } from "@/lib/services/service-schema";
import type { ServiceEnvironmentCode } from "@/lib/services/service-url";
import { servicePage } from "@/lib/services/services.server";
import { formatDate } from "@/lib/time";
import { RemoveUrlButton } from "./remove-url-button";
import { UrlForm } from "./url-form";
import { NoticeArea } from "@/components/ui/NoticeArea";
import { serviceApplications } from "@/lib/applications/service-applications.server";
import { ApplicationSection } from "./application-section";

export const metadata: Metadata = { title: "Service numérique" };

const environmentWords: Record<ServiceEnvironmentCode, { title: string; of: string }> = {
  TEST: { title: "Environnement de test", of: "de test" },
  PRODUCTION: { title: "Environnement de production", of: "de production" },
};

async function loadPage(actor: Parameters<typeof servicePage>[0], serviceId: string) {
  try {
    const [page, applications] = await Promise.all([servicePage(actor, serviceId), serviceApplications(actor, serviceId)]);
    return { ...page, applications };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

type Params = { serviceId: string };
type Search = { cree?: string; modifie?: string; inchange?: string };

export default async function ServicePage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const { serviceId } = await params;
  const actor = await requirePermission({ type: "editorSpace.view" }, `/editeur/services/${encodeURIComponent(serviceId)}`);
  const [{ service, organization, urls, certificates, completeness, permissions, applications }, search, charterNotices] = await Promise.all([
    loadPage(actor, serviceId),
    searchParams,
    pendingCharterNotices(actor),
  ]);
  const listHref = `/editeur/services?organisation=${encodeURIComponent(organization.id)}`;

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Espace éditeur", href: "/editeur" }, { label: "Services numériques", href: listHref }, { label: service.name }]} />
      <PageHeading
        title={service.name}
        lead={`Logiciel ${service.softwareName}, version ${service.softwareVersion}. Service numérique déclaré par ${organization.legalName}.`}
      />
      <CharterBanner notices={charterNotices} className="mb-8" />

      {search.cree === "1" && (
        <Alert variant="success" title="Le service est déclaré" className="mb-8">
          <p>Ajoutez maintenant ses URL et son certificat : la liste ci-dessous indique ce qu&apos;il reste à fournir.</p>
        </Alert>
      )}
      {search.modifie === "1" && <Alert variant="success" title="Les modifications du service sont enregistrées" className="mb-8" />}
      {search.inchange === "1" && <Alert variant="info" title="Aucune modification à enregistrer" className="mb-8" />}

      <CompletenessPanel items={completeness} className="mb-12" />

      <ApplicationSection serviceId={service.id} data={applications} />

      <section aria-labelledby="informations" className="mb-12">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
          <h2 id="informations" className="text-2xl font-bold">
            Informations du service
          </h2>
          {permissions.manage && (
            <ButtonLink href={`/editeur/services/${service.id}/modifier`} variant="secondary">
              Modifier le service
            </ButtonLink>
          )}
        </div>
        <ServiceFacts
          name={service.name}
          softwareName={service.softwareName}
          softwareVersion={service.softwareVersion}
          description={service.description}
          purposes={service.purposes.map((p) => SERVICE_PURPOSE_LABELS[p])}
          users={service.users}
          profile={service.profile}
          profileJustification={service.profileJustification}
          apis={service.apis.map((a) => ROR_API_LABELS[a])}
          createdOn={formatDate(service.createdAt)}
          updatedOn={formatDate(service.updatedAt)}
        />
      </section>

      <section id="urls" aria-labelledby="urls-titre" className="mb-12 scroll-mt-8">
        <h2 id="urls-titre" className="mb-2 text-2xl font-bold">
          URL du service
        </h2>
        <p className="mb-6 text-grey-800">
          Les adresses du service, par environnement. Elles figureront dans la liste blanche de l&apos;espace de confiance : toute
          modification ultérieure devra être signalée à l&apos;ANS.
        </p>
        <NoticeArea>
          <div className="grid gap-10 md:grid-cols-2">
            {urls.map(({ environment, items }) => {
              const headingId = `urls-${environment}`;
              return (
                <div key={environment}>
                  <h3 id={headingId} tabIndex={-1} className="mb-4 text-xl font-bold">
                    {environmentWords[environment].title}
                  </h3>
                  {items.length === 0 ? (
                    <p className="mb-6 text-grey-800">Aucune URL {environmentWords[environment].of} déclarée.</p>
                  ) : (
                    <ul aria-labelledby={headingId} className="mb-6 divide-y divide-grey-200 border-y border-grey-200">
                      {items.map((url) => (
                        <li key={url.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                          <span className="min-w-0 font-mono text-sm break-all">{url.url}</span>
                          {permissions.manage && <RemoveUrlButton urlId={url.id} url={url.url} headingId={headingId} />}
                        </li>
                      ))}
                    </ul>
                  )}
                  {permissions.manage && <UrlForm serviceId={service.id} environment={environment} />}
                </div>
              );
            })}
          </div>
        </NoticeArea>
      </section>

      <section id="certificats" aria-labelledby="certificats-titre" className="mb-12 scroll-mt-8">
        <h2 id="certificats-titre" className="mb-2 text-2xl font-bold">
          Certificats
        </h2>
        <p className="mb-6 text-grey-800">
          {service.profile.requiresCertificate
            ? "Le profil demandé requiert un certificat client IGC Santé (organisation, authentification client) par environnement. Un renouvellement est un nouveau dépôt : les certificats précédents restent listés."
            : "Le profil demandé ne requiert pas de certificat. Vous pouvez tout de même en déposer un."}
        </p>
        {certificates.map(({ environment, items }) => (
          <div key={environment} className="mb-8">
            <h3 className="mb-4 text-xl font-bold">{environmentWords[environment].title}</h3>
            {items.length === 0 ? (
              <p className="mb-4 text-grey-800">Aucun certificat {environmentWords[environment].of} déposé.</p>
            ) : (
              <div className="mb-4">
                <ServiceCertificatesTable
                  caption={`Certificats ${environmentWords[environment].of}, du plus récent au plus ancien`}
                  rows={items.map((c) => ({
                    id: c.id,
                    subjectDn: c.subjectDn,
                    serialNumber: c.serialNumber,
                    validFrom: formatDate(c.notBefore),
                    validUntil: formatDate(c.notAfter),
                    uploadedOn: formatDate(c.uploadedAt),
                    statusLabel: c.statusLabel,
                    verdictLabel: c.verdictLabel,
                  }))}
                />
              </div>
            )}
            <p>
              <Link href={certificatesPath(service.id, environment)} className="font-medium text-primary underline">
                {permissions.manage ? "Déposer ou consulter" : "Consulter"} les certificats {environmentWords[environment].of}
              </Link>
            </p>
          </div>
        ))}
      </section>

      <section id="attestations" aria-labelledby="attestations-titre" className="mb-12 scroll-mt-8">
        <h2 id="attestations-titre" className="mb-2 text-2xl font-bold">
          Attestations de client
        </h2>
        <p className="mb-4 text-grey-800">
          Une attestation par client (annexe 1 de la charte), signée par le client et par le représentant légal de l&apos;éditeur, puis scellée par le portail.
        </p>
        <p>
          <Link href={attestationsPath(service.id)} className="font-medium text-primary underline">
            {permissions.manage ? "Remplir ou consulter" : "Consulter"} les attestations de client
          </Link>
        </p>
      </section>

      <section id="platines" aria-labelledby="platines-titre" className="mb-12 scroll-mt-8">
        <h2 id="platines-titre" className="mb-2 text-2xl font-bold">
          Résultats PLATINES
        </h2>
        <p className="mb-4 text-grey-800">
          Les rapports des sessions de tests d&apos;interopérabilité exécutées sur PLATINES, évalués selon les plans de tests de l&apos;ANS.
        </p>
        <p>
          <Link href={platinesPath(service.id)} className="font-medium text-primary underline">
            {permissions.manage ? "Déposer ou consulter" : "Consulter"} les résultats PLATINES
          </Link>
        </p>
      </section>
    </div>
  );
}
