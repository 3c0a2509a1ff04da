import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { WhitelistTable } from "@/components/whitelist/WhitelistTable";
import { requirePermission } from "@/lib/auth/session.server";
import { editorWhitelist } from "@/lib/whitelist/whitelist-view.server";

export const metadata: Metadata = { title: "Mes services dans la liste blanche" };

export default async function EditorWhitelistPage() {
  const actor = await requirePermission({ type: "editorSpace.view" }, "/editeur/liste-blanche");
  const rows = await editorWhitelist(actor);
  return (
    <div className="mx-auto max-w-7xl px-4 py-10">
      <Breadcrumb items={[{ label: "Espace éditeur", href: "/editeur" }, { label: "Liste blanche" }]} />
      <PageHeading
        title="Mes services dans la liste blanche"
        lead="Ce que la passerelle du ROR applique à vos services habilités : URL, certificats, profil d'accès et quotas."
      />
      {rows.length === 0 ? (
        <p>Aucun de vos services n&apos;est habilité pour l&apos;instant.</p>
      ) : (
        <WhitelistTable rows={rows} caption="Vos habilitations : une ligne par service et environnement" />
      )}
    </div>
  );
}
