import type { Metadata } from "next";
import Link from "next/link";
import { CharterBanner } from "@/components/catalogue/CharterBanner";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/layout/PageHeading";
import { OrganizationSummary } from "@/components/organizations/OrganizationSummary";
import { requirePermission } from "@/lib/auth/session.server";
import { pendingCharterNotices } from "@/lib/catalogue/charter.server";
import { formatSiret } from "@/lib/organizations/formatting";
import { editorHome } from "@/lib/organizations/editor-home.server";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Espace éditeur" };

export default async function EditorHomePage({ searchParams }: { searchParams: Promise<{ bienvenue?: string }> }) {
  const actor = await requirePermission({ type: "editorSpace.view" }, "/editeur");
  const [organizations, params, charterNotices] = await Promise.all([editorHome(actor), searchParams, pendingCharterNotices(actor)]);
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <PageHeading title="Espace éditeur" lead={`Bonjour ${actor.name}. Préparez ici l'adhésion de vos services numériques à l'espace de confiance du ROR.`} />
      <CharterBanner notices={charterNotices} className="mb-8" />
      {params.bienvenue && (
        <div className="mb-8">
          <Alert variant="success" title="Votre compte est créé">
            Votre organisation est enregistrée. Vous pouvez maintenant préparer votre dossier d&apos;adhésion.
          </Alert>
        </div>
      )}
      {organizations.map((organization) => (
        <OrganizationSummary
          key={organization.id}
          organizationId={organization.id}
          legalName={organization.legalName}
          siret={formatSiret(organization.siret)}
          address={organization.address}
          createdOn={formatDate(organization.createdAt)}
          members={organization.memberships.map((m) => ({
            name: m.user.name,
            email: m.user.email,
            isLegalRepresentative: m.isLegalRepresentative,
            active: m.user.status === "ACTIVE",
          }))}
        />
      ))}
      <p className="mt-8">
        <Link href="/editeur/services" className="font-medium text-primary underline">
          Services numériques
        </Link>
      </p>
      <section aria-labelledby="etapes" className="mt-10">
        <h2 id="etapes" className="text-2xl font-bold">
          Prochaines étapes
        </h2>
        <ol className="mt-4 list-decimal space-y-2 pl-6">
          <li>
            Faire accepter la{" "}
            <Link href="/editeur/charte" className="text-primary underline">
              charte d&apos;accès aux données du ROR
            </Link>{" "}
            par votre représentant légal.
          </li>
          <li>
            Déclarer votre{" "}
            <Link href="/editeur/services" className="text-primary underline">
              service numérique
            </Link>
            , ses URL et son certificat IGC Santé.
          </li>
          <li>Faire signer une attestation de client (annexe 1) par au moins un client.</li>
          <li>Déposer les résultats de vos tests PLATINES.</li>
          <li>
            Soumettre votre{" "}
            <Link href="/editeur/dossiers" className="text-primary underline">
              dossier d&apos;adhésion
            </Link>{" "}
            à l&apos;instruction de l&apos;ANS.
          </li>
        </ol>
      </section>
    </div>
  );
}
