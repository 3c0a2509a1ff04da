import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { editorAccount } from "@/lib/accounts/editor-accounts.server";
import { userStatusLabels } from "@/lib/auth/role-labels";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { membershipRoleLabel } from "@/lib/organizations/legal-representatives";
import { formatSiret } from "@/lib/organizations/formatting";
import { formatDate, formatDateTime } from "@/lib/time";
import { EditorAccountStatusForm } from "./status-form";

export const metadata: Metadata = { title: "Compte d'éditeur — administration" };

const NOTICES: Record<string, string> = {
  desactive: "Le compte est désactivé : ses sessions sont fermées et la personne en est informée par courriel.",
  reactive: "Le compte est réactivé : la personne en est informée par courriel.",
};

export default async function EditorAccountPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<{ fait?: string }> }) {
  const { userId } = await params;
  const actor = await requirePermission({ type: "users.manage" }, `/administration/comptes-editeurs/${userId}`);
  const account = await editorAccount(actor, userId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { fait } = await searchParams;
  const notice = fait ? NOTICES[fait] : undefined;
  const active = account.status === "ACTIVE";
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Comptes des éditeurs", href: "/administration/comptes-editeurs" }, { label: account.name }]} />
      <PageHeading title={account.name} lead={`Compte d'éditeur : ${account.email}`} />
      {notice ? <Alert variant="success" title={notice} className="mb-8" live /> : null}
      <dl className="mb-8 grid gap-x-8 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Statut</dt>
        <dd>{userStatusLabels[account.status]}</dd>
        <dt className="font-semibold">Adresse e-mail</dt>
        <dd className="break-all">
          {account.email} {account.emailVerifiedAt ? `(confirmée le ${formatDate(account.emailVerifiedAt)})` : "(non confirmée)"}
        </dd>
        <dt className="font-semibold">Compte créé le</dt>
        <dd>{formatDate(account.createdAt)}</dd>
        <dt className="font-semibold">Sessions ouvertes</dt>
        <dd>{account.activeSessions}</dd>
        <dt className="font-semibold">Organisations</dt>
        <dd>
          {account.memberships.length === 0 ? (
            "Aucune"
          ) : (
            <ul className="list-disc pl-6">
              {account.memberships.map((m) => (
                <li key={m.organization.id}>
                  {m.organization.legalName} (SIRET {formatSiret(m.organization.siret)}), {membershipRoleLabel(m.isLegalRepresentative).toLowerCase()}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <section aria-labelledby="statut" className="mb-10">
        <h2 id="statut" className="mb-4 text-2xl font-bold">
          {active ? "Désactiver ce compte" : "Réactiver ce compte"}
        </h2>
        <p className="mb-4 text-grey-800">
          {active
            ? "La personne ne pourra plus se connecter, et ses sessions seront fermées à l'instant. Son organisation et ses dossiers restent ; la suspension d'une organisation entière est un autre acte."
            : "La personne pourra de nouveau se connecter avec son mot de passe."}
        </p>
        <EditorAccountStatusForm userId={account.id} name={account.name} active={active} />
      </section>
      <section aria-labelledby="historique">
        <h2 id="historique" className="mb-4 text-2xl font-bold">
          Historique du statut
        </h2>
        {account.history.length === 0 ? (
          <p>Ce compte n&apos;a jamais été désactivé.</p>
        ) : (
          <ol className="space-y-3">
            {account.history.map((h) => (
              <li key={h.id} className="border-l-4 border-grey-200 pl-4">
                <p className="font-semibold">
                  {h.label}, le {formatDateTime(h.occurredAt)}
                  {h.actorName ? ` par ${h.actorName}` : ""}
                </p>
                {h.reason ? <p>Motif : {h.reason}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
