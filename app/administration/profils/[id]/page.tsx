import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { requirePermission } from "@/lib/auth/session.server";
import { accessProfileForEdit } from "@/lib/catalogue/access-profiles.server";
import { AccessProfileForm } from "../access-profile-form";

export const metadata: Metadata = { title: "Modifier un profil d'accès" };

export default async function EditAccessProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission({ type: "catalogue.manage" }, `/administration/profils/${encodeURIComponent(id)}`);
  const profile = await accessProfileForEdit(actor, id);
  if (!profile) notFound();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb
        items={[
          { label: "Administration", href: "/administration" },
          { label: "Profils d'accès", href: "/administration/profils" },
          { label: `Profil ${profile.code}` },
        ]}
      />
      <PageHeading title={`Modifier le profil ${profile.code}`} lead={profile.label} />
      <AccessProfileForm
        mode="edit"
        id={profile.id}
        defaultValues={{
          lastUpdatedAt: profile.updatedAt.toISOString(),
          label: profile.label,
          description: profile.description,
          requiresCertificate: profile.requiresCertificate,
          level2AuthenticatedPerSecond: profile.quotas.authenticatedPerSecond,
          level2PublicPerSecond: profile.quotas.publicPerSecond,
          sortOrder: profile.sortOrder,
          active: profile.active,
        }}
      />
    </div>
  );
}
