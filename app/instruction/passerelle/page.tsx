import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { plural } from "@/lib/vocabulary";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { gatewayConfigurationOutcome, GATEWAY_FILES } from "@/lib/whitelist/gateway-config.server";
import { appliedSentence } from "@/lib/gateway/bundle";
import { gatewayStatuses, type GatewayStatus } from "@/lib/gateway/status.server";

function GatewaySyncStatus({ status, slug }: { status: GatewayStatus; slug: string }) {
  const { lastReport, lastApplied, latestRevision } = status;
  if (!lastReport) {
    return (
      <p className="mt-2" data-testid={`gateway-status-${slug}`}>
        Aucun agent de synchronisation n&apos;a encore rendu compte pour cet environnement.
      </p>
    );
  }
  const upToDate = lastApplied && latestRevision && lastApplied.revision === latestRevision.revision;
  return (
    <div className="mt-2 space-y-2" data-testid={`gateway-status-${slug}`}>
      {lastReport.result === "FAILED" ? (
        <Alert variant="error" title="La dernière configuration n'a pas pu être appliquée">
          <p>Dernier compte rendu : {appliedSentence(lastReport)}. La passerelle garde la dernière configuration valide.</p>
          {lastReport.message ? <pre className="mt-2 overflow-x-auto text-sm whitespace-pre-wrap">{lastReport.message}</pre> : null}
        </Alert>
      ) : null}
      {lastApplied ? (
        <p>
          Configuration en service : <strong>{appliedSentence(lastApplied)}</strong>.
          {upToDate ? " C'est la révision la plus récente." : latestRevision ? ` La révision ${latestRevision.revision} n'est pas encore appliquée.` : ""}
        </p>
      ) : null}
    </div>
  );
}

export const metadata: Metadata = { title: "Configuration de la passerelle" };

const FILE_ROLES: Record<(typeof GATEWAY_FILES)[number], string> = {
  "ror-whitelist-http.conf": "à inclure dans le bloc http { } : correspondances certificat → habilitation, zones de quotas",
  "ror-whitelist-server.conf": "à inclure dans le bloc server { } en TLS mutuel : vérification du certificat client, refus 403, quotas 429, en-têtes transmis",
  "ror-ca-bundle.pem": "les autorités de certification de l'environnement, à installer au chemin indiqué dans la configuration",
};

export default async function GatewayPage() {
  const actor = await requirePermission({ type: "gatewayConfig.download" }, "/instruction/passerelle");
  const [configs, statuses] = await Promise.all([
    Promise.all([gatewayConfigurationOutcome(actor, "TEST"), gatewayConfigurationOutcome(actor, "PRODUCTION")]),
    gatewayStatuses(actor),
  ]);
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Instruction des dossiers", href: "/instruction" }, { label: "Configuration de la passerelle" }]} />
      <PageHeading
        title="Configuration de la passerelle"
        lead="Fichiers nginx générés à l'instant depuis la liste blanche en vigueur. L'agent de synchronisation les installe seul (voir le guide d'exploitation) ; à défaut, installez les trois fichiers, vérifiez avec nginx -t puis rechargez avec nginx -s reload."
      />
      {configs.map((config) => {
        const slug = config.environment === "TEST" ? "test" : "production";
        const name = config.environment === "TEST" ? "Environnement de test" : "Environnement de production";
        return (
          <section key={slug} aria-labelledby={`env-${slug}`} className="mt-10">
            <h2 id={`env-${slug}`} className="text-2xl font-bold">
              {name}
            </h2>
            <h3 className="mt-4 text-xl font-bold">Synchronisation de la passerelle</h3>
            <GatewaySyncStatus status={statuses[config.environment]} slug={slug} />
            <h3 className="mt-4 text-xl font-bold">Fichiers générés</h3>
            {!config.ok ? (
              <Alert variant="warning" title="Configuration indisponible" className="mt-4">
                {config.problem}
              </Alert>
            ) : (
            <>
            <p className="mt-2">
              {plural(config.stats.entries, "habilitation", "habilitations")}, {plural(config.stats.certificates, "certificat", "certificats")}
              {config.stats.rateClasses.length > 0
                ? `, quotas de niveau 2 en usage : ${config.stats.rateClasses.map((r) => r.toLocaleString("fr-FR")).join(", ")} appels par seconde.`
                : ", aucun quota de niveau 2 en usage."}
            </p>
            <ul className="mt-4 space-y-2">
              {GATEWAY_FILES.map((file) => (
                <li key={file}>
                  <a href={`/instruction/passerelle/${slug}/${file}`} download>
                    Télécharger {file}
                    <span className="sr-only"> ({name.toLowerCase()})</span>
                  </a>{" "}
                  — {FILE_ROLES[file]}
                </li>
              ))}
            </ul>
            {config.skipped.length > 0 ? (
              <Alert variant="warning" title="Habilitations absentes de la configuration" className="mt-4">
                <ul className="list-disc pl-6">
                  {config.skipped.map((s) => (
                    <li key={s.enrolmentId}>
                      {s.enrolmentId} : {s.reason}
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            </>
            )}
          </section>
        );
      })}
    </div>
  );
}
