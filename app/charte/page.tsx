import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CharterDocumentView } from "@/components/catalogue/CharterDocumentView";
import { CharterTableOfContents } from "@/components/catalogue/CharterTableOfContents";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { Container } from "@/components/layout/Container";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { parseCharterDocument, tableOfContents } from "@/lib/catalogue/charter-document";
import { publishedCharter, publishedCharterVersions } from "@/lib/catalogue/charter.server";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = {
  title: { absolute: "Charte d'accès aux données du ROR – Espace de confiance ROR" },
  description:
    "La charte d'accès aux données du ROR pour les services numériques de santé : conditions, profils d'accès, quotas, sécurité et obligations.",
};

const charterPath = (version: string) => `/charte?version=${encodeURIComponent(version)}`;

export default async function CharterPage({ searchParams }: { searchParams: Promise<{ version?: string | string[] }> }) {
  const { version } = await searchParams;
  const requested = typeof version === "string" && version.length <= 20 ? version : undefined;
  if (version !== undefined && requested === undefined) notFound();
  const [charter, versions] = await Promise.all([publishedCharter(requested), publishedCharterVersions()]);
  if (!charter) {
    if (requested) notFound();
    return (
      <Container className="py-8 md:py-12">
        <PageHeading title="Charte d'accès aux données du ROR" />
        <Alert variant="info" title="Aucune version publiée">
          <p>La charte n&apos;est pas encore publiée sur ce portail.</p>
        </Alert>
      </Container>
    );
  }
  const document = parseCharterDocument(charter.body);
  const current = versions[0];
  const others = versions.filter((v) => v.id !== charter.id);

  return (
    <Container className="py-8 md:py-12">
      <Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: "Charte d'accès aux données du ROR" }]} />
      <PageHeading
        title={charter.title}
        lead={`Version ${charter.version}, publiée le ${formatDate(charter.publishedAt)} par l'Agence du Numérique en Santé (ANS).`}
      />

      {!charter.isCurrent && current ? (
        <Alert variant="warning" title="Version antérieure" className="mb-10 max-w-3xl">
          <p>
            Vous consultez la version {charter.version}, qui n&apos;est plus en vigueur.{" "}
            <Link href="/charte">Lire la version en vigueur (version {current.version})</Link>
          </p>
        </Alert>
      ) : null}

      <div className="flex flex-col gap-10 lg:flex-row lg:items-start">
        <div className="space-y-6 lg:sticky lg:top-4 lg:w-72 lg:shrink-0">
          <CharterTableOfContents entries={tableOfContents(document)} />
          {others.length > 0 ? (
            <nav aria-labelledby="autres-versions" className="px-6">
              <h2 id="autres-versions" className="text-lg font-bold">
                Autres versions
              </h2>
              <ul className="mt-3 space-y-2">
                {others.map((v) => (
                  <li key={v.id}>
                    <Link href={v.id === current?.id ? "/charte" : charterPath(v.version)}>
                      Version {v.version}, publiée le {formatDate(v.publishedAt)}
                      {v.id === current?.id ? " (en vigueur)" : ""}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </div>
        <CharterDocumentView document={document} />
      </div>
    </Container>
  );
}
