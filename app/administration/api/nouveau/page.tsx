import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { requirePermission } from "@/lib/auth/session.server";
import { DEFAULT_LEVEL1_PER_API } from "@/lib/catalogue/ror-api-schema";
import { RorApiForm } from "../ror-api-form";

export const metadata: Metadata = { title: "Ajouter une API du ROR" };

export default async function NewRorApiPage() {
  await requirePermission({ type: "catalogue.manage" }, "/administration/api/nouveau");
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "API du ROR", href: "/administration/api" }, { label: "Ajouter une API" }]} />
      <PageHeading title="Ajouter une API du ROR" lead="La passerelle la protégera dès la prochaine génération de sa configuration." />
      <RorApiForm mode="create" defaultValues={{ name: "", pathPrefix: "", kind: "", level1PerSecond: String(DEFAULT_LEVEL1_PER_API) }} />
    </div>
  );
}
