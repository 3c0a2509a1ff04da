import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { TEMPLATE_PLACEHOLDERS, TEMPLATE_PLACEHOLDER_NAMES } from "@/lib/review/message-templates";
import { listMessageTemplates } from "@/lib/review/message-templates.server";
import { formatDateTime } from "@/lib/time";
import { TemplateForm } from "./template-form";

export const metadata: Metadata = { title: "Modèles de messages" };

const NOTICES: Record<string, string> = {
  ajoute: "Le modèle est ajouté : les instructeurs peuvent l'insérer dans leurs messages.",
  modifie: "Le modèle est enregistré.",
  supprime: "Le modèle est supprimé.",
};

export default async function MessageTemplatesPage({ searchParams }: { searchParams: Promise<{ fait?: string | string[] }> }) {
  const actor = await requirePermission({ type: "messageTemplate.manage" }, "/administration/modeles");
  const [templates, { fait }] = await Promise.all([listMessageTemplates(actor), searchParams]);
  const notice = typeof fait === "string" ? NOTICES[fait] : undefined;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Modèles de messages" }]} />
      <PageHeading
        title="Modèles de messages"
        lead="Les textes que les instructeurs insèrent, puis adaptent, lorsqu'ils écrivent à un éditeur ou lui demandent des modifications."
      />
      {notice && <Alert variant="success" title={notice} className="mb-6" live />}

      <section aria-labelledby="modeles-liste" className="mb-12">
        <h2 id="modeles-liste" className="mb-4 text-2xl font-bold">
          Modèles ({templates.length})
        </h2>
        {templates.length === 0 ? (
          <p>Aucun modèle pour le moment.</p>
        ) : (
          <ul className="space-y-4">
            {templates.map((t) => (
              <li key={t.id} className="border border-grey-200 p-4">
                <p className="font-bold">
                  <Link href={`/administration/modeles/${t.id}`}>
                    {t.title}
                    <span className="sr-only"> : modifier ou supprimer le modèle</span>
                  </Link>
                </p>
                <p className="mt-2 whitespace-pre-wrap text-grey-800">{t.body}</p>
                <p className="mt-2 text-sm text-grey-800">Modifié le {formatDateTime(t.updatedAt)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="modeles-variables" className="mb-12">
        <h2 id="modeles-variables" className="mb-4 text-2xl font-bold">
          Variables
        </h2>
        <p>Écrites entre accolades, elles sont remplacées par les valeurs du dossier lorsque l&apos;instructeur insère le modèle :</p>
        <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {TEMPLATE_PLACEHOLDER_NAMES.map((name) => (
            <div key={name} className="contents">
              <dt className="font-mono font-bold">{`{${name}}`}</dt>
              <dd>{TEMPLATE_PLACEHOLDERS[name]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="modeles-ajout">
        <h2 id="modeles-ajout" className="mb-4 text-2xl font-bold">
          Ajouter un modèle
        </h2>
        <TemplateForm mode="create" />
      </section>
    </div>
  );
}
