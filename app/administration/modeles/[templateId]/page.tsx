import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { requirePermission } from "@/lib/auth/session.server";
import { messageTemplateForEdit } from "@/lib/review/message-templates.server";
import { DeleteTemplateButton, TemplateForm } from "../template-form";

export const metadata: Metadata = { title: "Modifier un modèle de message" };

export default async function EditMessageTemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const { templateId } = await params;
  const actor = await requirePermission({ type: "messageTemplate.manage" }, `/administration/modeles/${encodeURIComponent(templateId)}`);
  const template = await messageTemplateForEdit(actor, templateId);
  if (!template) notFound();
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Modèles de messages", href: "/administration/modeles" }, { label: template.title }]} />
      <PageHeading title={`Modèle : ${template.title}`} lead="Les messages déjà envoyés avec ce modèle restent tels qu'ils ont été envoyés." />
      <TemplateForm mode="edit" id={template.id} title={template.title} body={template.body} version={template.version} />
      <section aria-labelledby="modele-suppression" className="mt-12">
        <h2 id="modele-suppression" className="mb-4 text-2xl font-bold">
          Supprimer le modèle
        </h2>
        <DeleteTemplateButton id={template.id} version={template.version} title={template.title} />
      </section>
    </div>
  );
}
