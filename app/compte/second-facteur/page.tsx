import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { NoticeArea } from "@/components/ui/NoticeArea";
import { requireActor } from "@/lib/auth/session.server";
import { secondFactorStanding } from "@/lib/second-factor/requirement.server";
import { listPasskeys } from "@/lib/second-factor/passkeys.server";
import { lastFactorRefusal } from "@/lib/second-factor/policy";
import { pendingTotpEnrolment, SECOND_FACTOR_MESSAGES, secondFactorOverview } from "@/lib/second-factor/second-factor.server";
import { groupedSecret } from "@/lib/second-factor/totp";
import { formatDateTime } from "@/lib/time";
import { EnrolmentForm } from "./enrolment-form";
import { PasskeyList } from "./passkey-list";
import { RegenerateRecoveryCodes } from "./regenerate-recovery-codes";
import { RemoveTotpFactor } from "./remove-totp-factor";

export const metadata: Metadata = { title: "Second facteur" };
export const dynamic = "force-dynamic";

const refusalMessage = { ans_role: SECOND_FACTOR_MESSAGES.lastForAnsRole, organization: SECOND_FACTOR_MESSAGES.lastForOrganization } as const;

/** The account's second factors: the authenticator app, the recovery codes, the passkeys (issue 19, ADR 0060). */
export default async function SecondFactorPage() {
  const actor = await requireActor("/compte/second-facteur");
  const [overview, standing, passkeys] = await Promise.all([secondFactorOverview(actor.userId), secondFactorStanding({ id: actor.userId }), listPasskeys(actor.userId)]);
  const pending = overview.totpEnabled ? null : await pendingTotpEnrolment(actor);
  // Which factor the rule keeps: none while another one remains (a passkey counts as one).
  const keptApp = standing ? lastFactorRefusal(standing.requiredBy, standing.factors, "totp") : null;
  const keptPasskey = standing ? lastFactorRefusal(standing.requiredBy, standing.factors, "passkey") : null;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <PageHeading title="Second facteur" lead="Un code de votre application d'authentification ou une clé d'accès, demandé après le mot de passe et avant les actions sensibles." />
      <NoticeArea>
        <div className="space-y-10">
          <section aria-labelledby="application">
            <h2 id="application" className="mb-4 text-2xl font-bold">
              Application d&apos;authentification
            </h2>
            {overview.totpEnabled ? (
              <Alert variant="success" title="Activée">
                <p>Depuis le {formatDateTime(overview.totpSince!)}. Une application perdue ? Un administrateur ANS peut réinitialiser vos seconds facteurs.</p>
              </Alert>
            ) : pending ? (
              <EnrolmentForm qrSvg={pending.qrSvg} groupedSecret={groupedSecret(pending.secret)} continueTo="/compte/second-facteur" />
            ) : null}
          </section>
          <section aria-labelledby="cles-d-acces">
            <h2 id="cles-d-acces" className="mb-2 text-2xl font-bold">
              Clés d&apos;accès
            </h2>
            <p className="mb-4">
              Une clé de sécurité USB ou NFC, ou le déverrouillage de votre téléphone ou de votre ordinateur, à la place du code. Vous pouvez en enregistrer plusieurs.
            </p>
            <PasskeyList
              passkeys={passkeys.map((p) => ({ id: p.id, name: p.name, added: formatDateTime(p.createdAt), lastUsed: p.lastUsedAt ? formatDateTime(p.lastUsedAt) : null }))}
              lastKept={keptPasskey ? refusalMessage[keptPasskey] : null}
            />
          </section>
          {overview.totpEnabled ? (
            <section aria-labelledby="codes-de-secours">
              <h2 id="codes-de-secours" className="mb-2 text-2xl font-bold">
                Codes de secours
              </h2>
              <p className="mb-4">
                {overview.recoveryCodesLeft} code{overview.recoveryCodesLeft > 1 ? "s" : ""} de secours inutilisé{overview.recoveryCodesLeft > 1 ? "s" : ""}. En générer de nouveaux rend les anciens inutilisables.
              </p>
              <RegenerateRecoveryCodes />
            </section>
          ) : null}
          {overview.totpEnabled ? (
            <section aria-labelledby="retirer">
              <h2 id="retirer" className="mb-2 text-2xl font-bold">
                Retirer l&apos;application
              </h2>
              {keptApp ? (
                <p>{refusalMessage[keptApp]}</p>
              ) : (
                <>
                  <p className="mb-4">
                    {passkeys.length > 0
                      ? "Vos codes de secours sont supprimés avec elle ; la connexion demandera alors une clé d'accès."
                      : "Vos codes de secours sont supprimés avec elle ; la connexion ne demandera plus que le mot de passe."}
                  </p>
                  <RemoveTotpFactor />
                </>
              )}
            </section>
          ) : null}
        </div>
      </NoticeArea>
    </div>
  );
}
