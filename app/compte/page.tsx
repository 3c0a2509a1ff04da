import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { NoticeArea } from "@/components/ui/NoticeArea";
import { accountOverview } from "@/lib/accounts/account.server";
import { currentSessionId } from "@/lib/accounts/gated-action.server";
import { requireActor } from "@/lib/auth/session.server";
import { listPasskeys } from "@/lib/second-factor/passkeys.server";
import { secondFactorOverview } from "@/lib/second-factor/second-factor.server";
import { formatDateTime } from "@/lib/time";
import { signOutAction } from "../sign-out-action";
import { EmailChangeForm, EndOtherSessionsForm, EndSessionButton, PasswordChangeForm, RenameForm } from "./account-forms";

export const metadata: Metadata = { title: "Mon compte" };

const NOTICES: Record<string, string> = { adresse: "Votre nouvelle adresse e-mail est confirmée : c'est désormais celle de votre compte." };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ fait?: string }> }) {
  const actor = await requireActor("/compte");
  const [account, secondFactor, passkeys, params] = await Promise.all([accountOverview(actor, await currentSessionId()), secondFactorOverview(actor.userId), listPasskeys(actor.userId), searchParams]);
  const passkeyCount = passkeys.length > 0 ? `${passkeys.length} clé${passkeys.length > 1 ? "s" : ""} d'accès enregistrée${passkeys.length > 1 ? "s" : ""}.` : null;
  const anyFactor = secondFactor.totpEnabled || passkeys.length > 0;
  const done = params.fait ? NOTICES[params.fait] : undefined;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <PageHeading title="Mon compte" lead="Votre nom, votre adresse e-mail, votre mot de passe et les sessions ouvertes avec votre compte." />
      {done ? <Alert variant="success" title={done} className="mb-8" live /> : null}
      <div className="space-y-12">
        <section aria-labelledby="identite">
          <h2 id="identite" className="mb-4 text-2xl font-bold">
            Identité
          </h2>
          <RenameForm name={account.name} />
        </section>

        <section aria-labelledby="adresse">
          <h2 id="adresse" className="mb-2 text-2xl font-bold">
            Adresse e-mail
          </h2>
          <p className="mb-4">
            Adresse actuelle, qui sert à vous connecter : <strong className="break-all">{account.email}</strong>
          </p>
          {account.pendingEmail ? (
            <Alert variant="info" title="Changement d'adresse en attente" className="mb-4">
              <p>
                Un lien de confirmation a été envoyé à <span className="break-all">{account.pendingEmail.email}</span>, valable jusqu&apos;au{" "}
                {formatDateTime(account.pendingEmail.expiresAt)}. Votre adresse changera quand vous l&apos;ouvrirez ; l&apos;adresse actuelle en sera informée.
              </p>
            </Alert>
          ) : null}
          <EmailChangeForm />
        </section>

        <section aria-labelledby="mot-de-passe">
          <h2 id="mot-de-passe" className="mb-2 text-2xl font-bold">
            Mot de passe
          </h2>
          <p className="mb-4 text-grey-800">Changer de mot de passe ferme vos autres sessions ; celle-ci reste ouverte.</p>
          <PasswordChangeForm name={account.name} email={account.email} />
        </section>

        <section aria-labelledby="second-facteur">
          <h2 id="second-facteur" className="mb-2 text-2xl font-bold">
            Second facteur
          </h2>
          <p className="mb-4 text-grey-800">
            {secondFactor.totpEnabled
              ? `Application d'authentification activée depuis le ${formatDateTime(secondFactor.totpSince!)} ; ${secondFactor.recoveryCodesLeft} code(s) de secours inutilisé(s).${passkeyCount ? ` ${passkeyCount}` : ""}`
              : passkeyCount
                ? passkeyCount
                : "Aucun second facteur : un code d'une application d'authentification ou une clé d'accès, demandé après le mot de passe, protège votre compte si votre mot de passe fuit."}
          </p>
          <Link href="/compte/second-facteur" className="text-primary underline">
            {anyFactor ? "Gérer le second facteur, les clés d'accès et les codes de secours" : "Activer un second facteur"}
          </Link>
        </section>

        <section aria-labelledby="sessions">
          <h2 id="sessions" className="mb-2 text-2xl font-bold">
            Sessions ouvertes ({account.sessions.length})
          </h2>
          <p className="mb-4 text-grey-800">Les appareils connectés à votre compte. Une session que vous ne reconnaissez pas ? Fermez-la, puis changez votre mot de passe.</p>
          <NoticeArea>
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">Sessions ouvertes avec votre compte, celle-ci d&apos;abord</caption>
                <thead>
                  <tr className="border-b-2 border-grey-950">
                    <th scope="col" className="py-2 pr-4">Navigateur</th>
                    <th scope="col" className="py-2 pr-4">Adresse réseau</th>
                    <th scope="col" className="py-2 pr-4">Ouverte le</th>
                    <th scope="col" className="py-2 pr-4">Dernière activité</th>
                    <th scope="col" className="py-2">Action</th>
                  </tr>
                </thead>
                <tbody>
                  {account.sessions.map((s) => (
                    <tr key={s.id} className="border-b border-grey-200 align-top">
                      <th scope="row" className="py-2 pr-4 font-semibold">
                        {s.browser}
                        {s.current ? <span className="ml-2 font-normal text-grey-800">(cette session)</span> : null}
                      </th>
                      <td className="py-2 pr-4">{s.ip ?? "inconnue"}</td>
                      <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(s.createdAt)}</td>
                      <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(s.lastSeenAt)}</td>
                      <td className="py-2">
                        {s.current ? (
                          <form action={signOutAction}>
                            <button type="submit" className="inline-flex min-h-8 items-center px-3 py-1 text-sm font-medium text-primary shadow-[inset_0_0_0_1px_var(--color-primary)] hover:bg-primary-light">
                              Se déconnecter de cette session<span className="sr-only"> (celle-ci)</span>
                            </button>
                          </form>
                        ) : (
                          <EndSessionButton sessionId={s.id} browser={`${s.browser}, ouverte le ${formatDateTime(s.createdAt)}`} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="mt-6">
              <EndOtherSessionsForm />
            </div>
          </NoticeArea>
        </section>
      </div>
    </div>
  );
}
