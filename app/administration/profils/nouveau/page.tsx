import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { requirePermission } from "@/lib/auth/session.server";
import { AccessProfileForm } from "../access-profile-form";

export const metadata: Metadata = { title: "Ajouter un profil d'accès" };

export default async function NewAccessProfilePage() {
  await requirePermission({ type: "catalogue.manage" }, "/administration/profils/nouveau");
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb
        items={[
          { label: "Administration", href: "/administration" },
          { label: "Profils d'accès", href: "/administration/profils" },
          { label: "Ajouter un profil" },
        ]}
      />
      <PageHeading title="Ajouter un profil d'accès" lead="Par exemple un profil d'un nouveau modèle d'exposition des données du ROR." />
      <AccessProfileForm
        mode="create"
        defaultValues={{
          code: "",
          label: "",
          description: "",
          requiresCertificate: true,
          level2AuthenticatedPerSecond: 10,
          level2PublicPerSecond: 5,
          sortOrder: 10,
          active: true,
        }}
      />
    </div>
  );
}
