import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { plural } from "@/lib/vocabulary";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { gatewayConfigurationOutcome, GATEWAY_FILES } from "@/lib/whitelist/gateway-config.server";

export const metadata: Metadata = { title: "Configuration de la passerelle" };

const FILE_ROLES: Record<(typeof GATEWAY_FILES)[number], string> = {
  "ror-whitelist-http.conf": "à inclure dans le bloc http { } : correspondances certificat → habilitation, zones de quotas",
  "ror-whitelist-server.conf": "à inclure dans le bloc server { } en TLS mutuel : vérification du certificat client, refus 403, quotas 429, en-têtes transmis",
  "ror-ca-bundle.pem": "les autorités de certification de l'environnement, à installer au chemin indiqué dans la configuration",
};

export default async function GatewayPage() {
  const actor = await requirePermission({ type: "gatewayConfig.download" }, "/instruction/passerelle");
  const configs = await Promise.all([gatewayConfigurationOutcome(actor, "TEST"), gatewayConfigurationOutcome(actor, "PRODUCTION")]);
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <Breadcrumb items={[{ label: "Instruction des dossiers", href: "/instruction" }, { label: "Configuration de la passerelle" }]} />
      <PageHeading
        title="Configuration de la passerelle"
        lead="Fichiers nginx générés à l'instant depuis la liste blanche en vigueur. Installez les trois fichiers, vérifiez avec nginx -t puis rechargez avec nginx -s reload."
      />
      {configs.map((config) => {
        const slug = config.environment === "TEST" ? "test" : "production";
        const name = config.environment === "TEST" ? "Environnement de test" : "Environnement de production";
        return (
          <section key={slug} aria-labelledby={`env-${slug}`} className="mt-10">
            <h2 id={`env-${slug}`} className="text-2xl font-bold">
              {name}
            </h2>
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
                    Télécharger {file.replace(/^ror-/, `ror-${slug}-`)}
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
