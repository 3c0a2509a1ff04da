import type { Metadata } from "next";
import { CaBundleTable, type CaBundleRow } from "@/components/certificates/CaBundleTable";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import {
  CA_BUNDLE_ENVIRONMENT_LABELS,
  CA_BUNDLE_ENVIRONMENT_NAMES,
  CA_BUNDLE_ENVIRONMENTS,
  type CaBundleEnvironment,
} from "@/lib/certificates/ca-bundle-messages";
import { caBundleAdministration, type CaBundleCertificate } from "@/lib/certificates/ca-bundle.server";
import { homonymDistinction } from "@/lib/certificates/ca-bundle";
import { AddCaCertificateForm } from "./add-ca-certificate-form";
import { RetireCaCertificateButton } from "./retire-ca-certificate-button";

export const metadata: Metadata = { title: "Autorités de certification" };

const INTRODUCTIONS: Record<CaBundleEnvironment, string> = {
  TEST:
    "Les certificats de test des services (chaîne « TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS » de l'IGC Santé) " +
    "doivent chaîner vers l'une de ces autorités.",
  PRODUCTION:
    "Les certificats de production des services (chaîne « AC IGC-SANTE ELEMENTAIRE ORGANISATIONS » de l'IGC Santé) " +
    "doivent chaîner vers l'une de ces autorités.",
};

function toRow(certificate: CaBundleCertificate, list: readonly CaBundleCertificate[]): CaBundleRow {
  return { ...certificate, addedBy: certificate.addedBy?.name ?? null, distinction: homonymDistinction(certificate, list) };
}

/** The authority's name, with what tells it apart from another of the same name in its environment. */
function fullName(certificate: CaBundleCertificate, list: readonly CaBundleCertificate[]): string {
  const distinction = homonymDistinction(certificate, list);
  return distinction ? `${certificate.name} (${distinction})` : certificate.name;
}

export default async function CaBundlesPage({
  searchParams,
}: {
  searchParams: Promise<{ ajoutee?: string; plusieurs?: string; retiree?: string }>;
}) {
  const actor = await requirePermission({ type: "caBundle.manage" }, "/administration/autorites");
  const [bundles, params] = await Promise.all([caBundleAdministration(actor), searchParams]);
  const all = CA_BUNDLE_ENVIRONMENTS.flatMap((environment) => bundles[environment]);
  const added = all.find((c) => c.id === params.ajoutee);
  const retired = all.find((c) => c.id === params.retiree && c.retiredAt);

  return (
    <div className="mx-auto max-w-7xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Autorités de certification" }]} />
      <PageHeading
        title="Autorités de certification"
        lead="Les autorités de certification reconnues pour chaque environnement : le certificat client d'un service doit chaîner vers l'une d'elles. Une autorité retirée reste listée mais n'est plus reconnue."
      />
      {added ? (
        <Alert variant="success" title={`Autorité « ${fullName(added, bundles[added.environment])} » ajoutée à ${CA_BUNDLE_ENVIRONMENT_NAMES[added.environment]}`} live className="mb-8">
          <p>Elle est reconnue dès maintenant pour vérifier les certificats clients de cet environnement.</p>
          {params.plusieurs === "1" ? (
            <p>
              Le fichier contenait plusieurs certificats : seul celui-ci a été ajouté. Déposez les autres un par un
              s&apos;il faut aussi les reconnaître.
            </p>
          ) : null}
        </Alert>
      ) : null}
      {retired ? (
        <Alert variant="success" title={`Autorité « ${fullName(retired, bundles[retired.environment])} » retirée de ${CA_BUNDLE_ENVIRONMENT_NAMES[retired.environment]}`} live className="mb-8">
          <p>Les certificats clients émis sous cette autorité ne sont plus reconnus. Elle reste listée pour mémoire.</p>
        </Alert>
      ) : null}

      {CA_BUNDLE_ENVIRONMENTS.map((environment) => {
        const id = `environnement-${environment.toLowerCase()}`;
        const label = CA_BUNDLE_ENVIRONMENT_LABELS[environment];
        const certificates = bundles[environment];
        const active = certificates.filter((c) => !c.retiredAt).length;
        return (
          <section key={environment} aria-labelledby={id} className="mt-12 first-of-type:mt-0">
            <h2 id={id} className="text-2xl font-bold">
              {label}
            </h2>
            <p className="mt-2 max-w-3xl text-grey-800">
              {INTRODUCTIONS[environment]} {active} autorité{active > 1 ? "s" : ""} active{active > 1 ? "s" : ""}.
            </p>
            <CaBundleTable
              caption={`Autorités de certification de ${CA_BUNDLE_ENVIRONMENT_NAMES[environment]}, les actives d'abord`}
              rows={certificates.map((c) => toRow(c, certificates))}
              action={(row) => (
                <RetireCaCertificateButton
                  id={row.id}
                  name={row.distinction ? `${row.name} (${row.distinction})` : row.name}
                  environmentName={CA_BUNDLE_ENVIRONMENT_NAMES[environment]}
                />
              )}
            />
            <h3 className="mt-8 text-xl font-bold">Ajouter une autorité à {CA_BUNDLE_ENVIRONMENT_NAMES[environment]}</h3>
            <AddCaCertificateForm key={params.ajoutee ?? "formulaire"} environment={environment} />
          </section>
        );
      })}
    </div>
  );
}
