import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { charterAdministration, publishedCharter } from "@/lib/catalogue/charter.server";
import { formatDateTime } from "@/lib/time";
import { PublishCharterForm } from "./publish-charter-form";
import { TableScroll } from "@/components/ui/TableScroll";

export const metadata: Metadata = { title: "Versions de la charte" };

export default async function CharterAdministrationPage({
  searchParams,
}: {
  searchParams: Promise<{ publiee?: string; courriels?: string }>;
}) {
  const actor = await requirePermission({ type: "charter.publish" }, "/administration/charte");
  const [versions, current, params] = await Promise.all([charterAdministration(actor), publishedCharter(), searchParams]);
  const mails = Number.parseInt(params.courriels ?? "", 10);

  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Versions de la charte" }]} />
      <PageHeading
        title="Versions de la charte"
        lead="La charte d'accès aux données du ROR : ses versions publiées et la publication d'une nouvelle version."
      />
      {params.publiee === "1" && current ? (
        <Alert variant="success" title={`Version ${current.version} publiée`} live className="mb-8">
          <p>
            Elle est désormais la version en vigueur.
            {Number.isFinite(mails)
              ? ` ${mails} courriel${mails > 1 ? "s ont été mis" : " a été mis"} en file d'envoi pour les représentants légaux.`
              : ""}
          </p>
        </Alert>
      ) : null}

      <section aria-labelledby="versions">
        <h2 id="versions" className="text-2xl font-bold">
          Versions publiées
        </h2>
        <TableScroll label="Versions de la charte, la plus récente d'abord" className="mt-4">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Versions de la charte, la plus récente d&apos;abord</caption>
            <thead>
              <tr className="border-b-2 border-grey-950">
                <th scope="col" className="py-2 pr-4">Version</th>
                <th scope="col" className="py-2 pr-4">Titre</th>
                <th scope="col" className="py-2 pr-4">Publiée le</th>
                <th scope="col" className="py-2 pr-4">Par</th>
                <th scope="col" className="py-2">Acceptations</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} className="border-b border-grey-200">
                  <th scope="row" className="py-2 pr-4">
                    <Link href={`/charte?version=${encodeURIComponent(v.version)}`}>
                      <span className="sr-only">Lire la </span>version {v.version}
                    </Link>
                    {v.id === current?.id ? " (en vigueur)" : ""}
                  </th>
                  <td className="py-2 pr-4">{v.title}</td>
                  <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(v.publishedAt)}</td>
                  <td className="py-2 pr-4">{v.publishedBy ?? "Chargée à l'installation"}</td>
                  <td className="py-2">{v.acceptances}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="publier" className="mt-12">
        <h2 id="publier" className="text-2xl font-bold">
          Publier une nouvelle version
        </h2>
        <Alert variant="warning" title="Conséquences de la publication" className="my-6">
          <p>
            La nouvelle version entre en vigueur immédiatement. Chaque représentant légal de chaque organisation
            reçoit un courriel, et toutes les organisations doivent l&apos;accepter avant de soumettre une demande.
            Une version publiée ne peut plus être modifiée.
          </p>
        </Alert>
        <PublishCharterForm defaultTitle={current?.title ?? ""} defaultBody={current?.body ?? ""} />
      </section>
    </div>
  );
}
