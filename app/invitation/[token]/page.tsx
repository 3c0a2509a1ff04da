import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { getActor } from "@/lib/auth/session.server";
import { invitationByToken } from "@/lib/organizations/accept-invitation.server";
import { unusableInvitationMessages } from "@/lib/organizations/invitation-token";
import { membershipRoleLabel } from "@/lib/organizations/legal-representatives";
import { formatDate } from "@/lib/time";
import { JoinConfirmation } from "./join-confirmation";
import { JoinForm } from "./join-form";

// The token is a credential: never sent on to another site, never indexed.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await invitationByToken(token);

  if (invitation.state !== "pending") {
    const message = unusableInvitationMessages[invitation.state];
    return (
      <div className="mx-auto max-w-2xl px-4 py-10">
        <PageHeading title={message.title} lead={message.text} />
        <p>
          <Link href="/connexion" className="text-primary underline">
            Se connecter
          </Link>{" "}
          ·{" "}
          <Link href="/" className="text-primary underline">
            Page d&apos;accueil
          </Link>
        </p>
      </div>
    );
  }

  const actor = invitation.accountExists ? await getActor() : null;
  const here = `/invitation/${token}`;
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <PageHeading
        title={`Rejoindre ${invitation.organizationName}`}
        lead="Vous êtes invité à rejoindre cette organisation sur le portail d'adhésion à l'espace de confiance du ROR."
      />
      <dl className="mb-8 grid gap-x-8 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Organisation</dt>
        <dd>{invitation.organizationName}</dd>
        <dt className="font-semibold">Rôle proposé</dt>
        <dd>{membershipRoleLabel(invitation.asLegalRepresentative)}</dd>
        <dt className="font-semibold">Adresse e-mail invitée</dt>
        <dd className="break-all">{invitation.email}</dd>
        <dt className="font-semibold">Lien valable jusqu&apos;au</dt>
        <dd>{formatDate(invitation.expiresAt)}</dd>
      </dl>

      {!invitation.accountExists ? (
        <section aria-labelledby="compte">
          <h2 id="compte" className="mb-2 text-2xl font-bold">
            Créez votre compte
          </h2>
          <p className="mb-6">
            Votre identifiant de connexion sera l&apos;adresse {invitation.email}. Tous les champs sont obligatoires.
          </p>
          <JoinForm token={token} email={invitation.email} />
        </section>
      ) : !actor ? (
        <Alert variant="info" title="Vous avez déjà un compte" titleAs="h2">
          <p>Un compte existe avec l&apos;adresse {invitation.email}. Connectez-vous avec ce compte pour accepter l&apos;invitation.</p>
          <p>
            <ButtonLink href={`/connexion?retour=${encodeURIComponent(here)}`}>Se connecter pour accepter</ButtonLink>
          </p>
        </Alert>
      ) : actor.email === invitation.email ? (
        <section aria-labelledby="confirmer">
          <h2 id="confirmer" className="mb-2 text-2xl font-bold">
            Confirmez
          </h2>
          <p className="mb-6">
            Vous êtes connecté en tant que {actor.name}. En confirmant, vous rejoignez {invitation.organizationName} comme{" "}
            {membershipRoleLabel(invitation.asLegalRepresentative).toLowerCase()}.
          </p>
          <JoinConfirmation token={token} organizationName={invitation.organizationName} />
        </section>
      ) : (
        <Alert variant="warning" title="Vous êtes connecté avec un autre compte" titleAs="h2">
          <p>
            Cette invitation est adressée à {invitation.email}, mais vous êtes connecté avec {actor.email}. Déconnectez-vous, puis
            reconnectez-vous avec le compte de l&apos;adresse invitée en rouvrant ce lien.
          </p>
        </Alert>
      )}
    </div>
  );
}
