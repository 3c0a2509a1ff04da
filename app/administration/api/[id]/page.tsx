import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { requirePermission } from "@/lib/auth/session.server";
import { rorApiForEdit } from "@/lib/catalogue/ror-apis.server";
import { RetireRorApiButton, RorApiForm } from "../ror-api-form";

export const metadata: Metadata = { title: "Modifier une API du ROR" };

export default async function EditRorApiPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission({ type: "catalogue.manage" }, `/administration/api/${encodeURIComponent(id)}`);
  const api = await rorApiForEdit(actor, id);
  if (!api || api.retiredAt) notFound();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "API du ROR", href: "/administration/api" }, { label: api.name }]} />
      <PageHeading title={`Modifier l'API « ${api.name} »`} lead={`Préfixe ${api.pathPrefix}`} />
      <RorApiForm
        mode="edit"
        id={api.id}
        defaultValues={{ name: api.name, pathPrefix: api.pathPrefix, kind: api.kind, level1PerSecond: String(api.level1PerSecond), lastUpdatedAt: api.updatedAt.toISOString() }}
      />
      <section aria-labelledby="retrait" className="mt-12 max-w-3xl">
        <h2 id="retrait" className="text-xl font-bold">Retirer l&apos;API</h2>
        <p className="my-4">Son historique reste au journal des événements.</p>
        <RetireRorApiButton id={api.id} name={api.name} />
      </section>
    </div>
  );
}
