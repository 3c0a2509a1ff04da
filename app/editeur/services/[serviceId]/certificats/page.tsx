import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CertificateChecks } from "@/components/certificates/CertificateChecks";
import { CertificateFactsList } from "@/components/certificates/CertificateFactsList";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { requirePermission } from "@/lib/auth/session.server";
import { ENVIRONMENT_LABELS, environmentSchema } from "@/lib/certificates/certificate-upload-schema";
import { serviceCertificateRegistry } from "@/lib/certificates/service-certificates.server";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/time";
import { CertificateUploadForm } from "./certificate-upload-form";

export const metadata: Metadata = { title: "Certificats du service" };

export default async function ServiceCertificatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ serviceId: string }>;
  searchParams: Promise<{ environnement?: string }>;
}) {
  const [{ serviceId }, { environnement }] = await Promise.all([params, searchParams]);
  const actor = await requirePermission({ type: "editorSpace.view" }, `/editeur/services/${serviceId}/certificats`);
  const environment = environmentSchema.catch("TEST").parse(environnement);
  const registry = await serviceCertificateRegistry(actor, serviceId, environment).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb
        items={[
          { label: "Espace éditeur", href: "/editeur" },
          { label: "Services numériques", href: "/editeur/services" },
          { label: registry.service.name, href: `/editeur/services/${serviceId}` },
          { label: "Certificats" },
        ]}
      />
      <PageHeading
        title={`Certificats du service ${registry.service.name}`}
        lead="Le certificat client IGC Santé (ORG, authentification client) que l'authentification TLS mutuelle vérifiera. Un renouvellement se fait en déposant le nouveau certificat : l'ancien reste listé."
      />
      <nav aria-label="Environnements" className="mb-8 flex gap-2">
        {(["TEST", "PRODUCTION"] as const).map((env) => (
          <Link
            key={env}
            href={`/editeur/services/${serviceId}/certificats?environnement=${env}`}
            aria-current={env === environment ? "page" : undefined}
            className={
              env === environment
                ? "border-b-4 border-primary px-4 py-2 font-bold text-primary"
                : "border-b-4 border-transparent px-4 py-2 text-grey-950 hover:bg-grey-50"
            }
          >
            {ENVIRONMENT_LABELS[env]}
          </Link>
        ))}
      </nav>
      <section aria-labelledby="depot">
        <h2 id="depot" className="text-2xl font-bold">
          Déposer un certificat ({ENVIRONMENT_LABELS[environment].toLowerCase()})
        </h2>
        <div className="mt-4">
          <CertificateUploadForm serviceId={serviceId} environment={environment} />
        </div>
      </section>
      <section aria-labelledby="registre" className="mt-12">
        <h2 id="registre" className="text-2xl font-bold">
          Certificats enregistrés ({registry.certificates.length})
        </h2>
        {registry.certificates.length === 0 ? (
          <p className="mt-4">Aucun certificat n&apos;est encore enregistré pour cet environnement.</p>
        ) : (
          <ol className="mt-4 space-y-6">
            {registry.certificates.map((certificate) => {
              const facts = certificate.facts;
              return (
                <li key={certificate.id}>
                  <article aria-label={`Certificat ${certificate.subjectDn}`} className="rounded border border-grey-200 p-4">
                    <p className="mb-3 font-bold">
                      Statut : {certificate.statusLabel} · déposé le {formatDate(certificate.uploadedAt)}
                    </p>
                    <CertificateFactsList
                      facts={{
                        ...facts,
                        notBeforeLabel: formatDate(certificate.notBefore),
                        notAfterLabel: formatDate(certificate.notAfter),
                        daysLeft: certificate.daysLeft,
                      }}
                    />
                    <CertificateChecks report={certificate.report} />
                  </article>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
