import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requireGatedAccount } from "@/lib/auth/session.server";
import { suspendedOrganizationsOf } from "@/lib/organizations/suspended-page.server";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Organisation suspendue" };

/** All that the people of a suspended organisation see once signed in (issue 22): nothing can be done from here. */
export default async function SuspendedOrganizationPage() {
  const { actor } = await requireGatedAccount("organization_suspended");
  const organizations = await suspendedOrganizationsOf(actor.userId);
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <PageHeading title="Organisation suspendue" lead="L'ANS a suspendu votre organisation : vous ne pouvez plus agir en son nom sur le portail." />
      <div className="space-y-6">
        {organizations.map((o) => (
          <Alert key={o.legalName} variant="warning" title={o.legalName} titleAs="h2">
            <p>Suspendue{o.since ? ` le ${formatDate(o.since)}` : ""}. Motif : {o.reason ?? "non précisé"}.</p>
            <p>Les habilitations de ses services ne sont plus appliquées par la passerelle du ROR jusqu&apos;à son rétablissement.</p>
          </Alert>
        ))}
        <p>
          Pour toute question, répondez au courriel de l&apos;ANS qui vous a annoncé la suspension. Vous serez prévenu par courriel de son
          rétablissement.
        </p>
      </div>
    </div>
  );
}
