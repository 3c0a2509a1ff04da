// The acceptance policy for a service's certificate: what the ROR trust space requires of an IGC Santé client
// certificate, as an ordered list of checks an editor can read and a reviewer can rely on. Pure: the clock, the
// CA bundle and what other services use are passed in.
import { formatSiret } from "../organizations/formatting";
import { normalizeIdentifier, sirenOfSiret } from "../organizations/identifiers";
import { calendarDaysUntil, daysLeftLabel, formatDate, formatDateTime } from "../time";
import { buildCertificationPath, type ChainAuthority, type ChainProblem } from "./certificate-chain";
import { certificateName, type CertificateFacts } from "./certificate-facts";
import { readCertificateStructure } from "./certificate-structure";
import { EKU_CLIENT_AUTH, extendedKeyUsageLabel } from "./certificate-usages";
import { formatDistinguishedName, nameAttributes } from "./distinguished-name";
import { STRUCTURE_IDENTIFIER_LABELS, structureIdentifiers, type StructureIdentifier } from "./structure-identifier";

export type CertificateCheckId = "end_entity_client_auth" | "validity" | "chain" | "structure_identifier" | "unique_fingerprint";

export type CheckVerdict = "ok" | "warning" | "error";

export interface CertificateCheck {
  id: CertificateCheckId;
  verdict: CheckVerdict;
  title: string;
  detail: string;
}

export interface CertificateCheckReport {
  /** error if any check is an error, else warning if any is a warning, else ok. */
  verdict: CheckVerdict;
  checks: CertificateCheck[];
}

export interface CertificateCheckContext {
  now: Date;
  /** The active CA certificates of the environment the certificate is meant for (test or production). */
  caBundle: readonly { der: Uint8Array }[];
  organization: { siret: string; name?: string };
  /**
   * Who reads the report: the editor ("votre organisation", the default, as stored at upload) or an ANS reviewer,
   * who is told whose organisation it is ("l'éditeur Orientis").
   */
  reader?: "editor" | "reviewer";
  /** SHA-256 fingerprints of the certificates registered for every other active service, of any organisation. */
  fingerprintsOfOtherActiveServices: ReadonlySet<string>;
}

export const CERTIFICATE_CHECK_TITLES: Record<CertificateCheckId, string> = {
  end_entity_client_auth: "Certificat client d'authentification",
  validity: "Période de validité",
  chain: "Chaîne de certification",
  structure_identifier: "Identifiant national de structure",
  unique_fingerprint: "Certificat propre au service",
};

export const CHECK_VERDICT_LABELS: Record<CheckVerdict, string> = {
  ok: "Conforme",
  warning: "À vérifier",
  error: "Non conforme",
};


export async function checkCertificate(
  facts: CertificateFacts,
  der: Uint8Array,
  context: CertificateCheckContext,
): Promise<CertificateCheckReport> {
  const checks = [
    endEntityClientAuth(facts),
    validity(facts, context.now),
    chain(facts, der, context),
    structureIdentifier(facts, context.organization.siret, organizationWords(context)),
    uniqueFingerprint(facts, context.fingerprintsOfOtherActiveServices),
  ];
  const verdict: CheckVerdict = checks.some((c) => c.verdict === "error")
    ? "error"
    : checks.some((c) => c.verdict === "warning")
      ? "warning"
      : "ok";
  return { verdict, checks };
}

function check(id: CertificateCheckId, verdict: CheckVerdict, detail: string): CertificateCheck {
  return { id, verdict, title: CERTIFICATE_CHECK_TITLES[id], detail };
}

function endEntityClientAuth(facts: CertificateFacts): CertificateCheck {
  const id = "end_entity_client_auth";
  if (facts.isCa) {
    return check(
      id,
      "error",
      `Ce certificat est celui d'une autorité de certification (« ${certificateName(facts)} »), pas celui de votre ` +
        "service. Envoyez le certificat client délivré par l'IGC Santé à votre service (certificat d'organisation, " +
        "usage d'authentification client).",
    );
  }
  if (!facts.extendedKeyUsage.includes(EKU_CLIENT_AUTH)) {
    const present =
      facts.extendedKeyUsage.length > 0
        ? ` Usages présents : ${facts.extendedKeyUsage.map(extendedKeyUsageLabel).join(", ")}.`
        : " Le certificat ne déclare aucun usage étendu.";
    return check(
      id,
      "error",
      "Ce certificat ne porte pas l'usage « Authentification client » (clientAuth) : l'espace de confiance du ROR " +
        "exige un certificat d'organisation (ORG) de l'IGC Santé avec l'usage d'authentification client (AUTH_CLI)." +
        present,
    );
  }
  return check(
    id,
    "ok",
    "Certificat final (pas une autorité de certification) portant l'usage « Authentification client » (clientAuth).",
  );
}

function validity(facts: CertificateFacts, now: Date): CertificateCheck {
  const notBefore = new Date(facts.notBefore);
  const notAfter = new Date(facts.notAfter);
  if (now > notAfter) {
    return check("validity", "error", `Ce certificat est expiré depuis le ${formatDate(notAfter)}. Demandez-en un nouveau à l'IGC Santé.`);
  }
  // Registering a renewal ahead of time is normal practice, hence a warning only.
  if (now < notBefore) {
    return check(
      "validity",
      "warning",
      `Ce certificat ne sera valide qu'à partir du ${formatDateTime(notBefore)} : il ne pourra pas servir avant cette date.`,
    );
  }
  return check("validity", "ok", `Valide jusqu'au ${formatDate(notAfter)} (${daysLeftLabel(calendarDaysUntil(notAfter, now))}).`);
}

function chain(facts: CertificateFacts, der: Uint8Array, context: CertificateCheckContext): CertificateCheck {
  const outcome = buildCertificationPath(der, context.caBundle, context.now);
  if (outcome.ok) {
    const names = [certificateName(facts), ...outcome.authorities.map((a) => a.name)].map((n) => `« ${n} »`);
    return check(
      "chain",
      "ok",
      `Chaîne vérifiée : ${names.join(" → ")}. Signatures et dates de validité des autorités contrôlées.`,
    );
  }
  return check("chain", "error", chainProblemText(outcome.problem, facts, context.caBundle));
}

const NOT_CHAINED = "Ce certificat ne chaîne pas vers les autorités de certification de cet environnement";

function chainProblemText(problem: ChainProblem, facts: CertificateFacts, caBundle: CertificateCheckContext["caBundle"]): string {
  const quoted = (authority: ChainAuthority) => `« ${authority.name} »`;
  switch (problem.kind) {
    case "emptyBundle":
      return "Aucune autorité de certification n'est configurée pour cet environnement : la chaîne de certification ne peut pas être vérifiée.";
    case "noIssuer":
      return (
        `${NOT_CHAINED} (${bundleNames(caBundle)}) : il a été émis par « ${facts.issuer.cn ?? facts.issuerDn} ». ` +
        "Vérifiez qu'il s'agit bien d'un certificat IGC Santé de l'environnement attendu (test ou production)."
      );
    case "badSignature":
      return (
        `${NOT_CHAINED} : il porte le nom d'émetteur ${quoted(problem.authority)}, mais sa signature ne correspond pas ` +
        "à l'autorité de ce nom. Il a pu être émis par une autre autorité portant le même nom, ou avoir été modifié."
      );
    case "notAnAuthority":
      return `${NOT_CHAINED} : son émetteur ${quoted(problem.authority)} n'est pas une autorité de certification.`;
    case "authorityExpired":
      return `${NOT_CHAINED} : l'autorité ${quoted(problem.authority)} est expirée depuis le ${formatDate(problem.authority.notAfter)}.`;
    case "authorityNotYetValid":
      return `${NOT_CHAINED} : l'autorité ${quoted(problem.authority)} ne sera valide qu'à partir du ${formatDate(problem.authority.notBefore)}.`;
    case "pathTooLong":
      return `${NOT_CHAINED} : la chaîne dépasse la longueur permise par l'autorité ${quoted(problem.authority)}.`;
  }
}

function bundleNames(caBundle: CertificateCheckContext["caBundle"]): string {
  return caBundle
    .flatMap(({ der }) => {
      try {
        const subject = readCertificateStructure(der).subject;
        return [`« ${nameAttributes(subject).cn ?? formatDistinguishedName(subject)} »`];
      } catch {
        return [];
      }
    })
    .join(", ");
}

type OrganizationWords = { of: string; to: string; than: string };

/** "de votre organisation" for the editor; "de l'éditeur Orientis" for a reviewer. */
function organizationWords(context: CertificateCheckContext): OrganizationWords {
  if (context.reader !== "reviewer") return { of: "de votre organisation", to: "à votre organisation", than: "que votre organisation" };
  const editor = context.organization.name ? `l'éditeur ${context.organization.name}` : "l'éditeur";
  return { of: `de ${editor}`, to: `à ${editor}`, than: `que ${editor}` };
}

function structureIdentifier(facts: CertificateFacts, organizationSiret: string, words: OrganizationWords): CertificateCheck {
  const id = "structure_identifier";
  const siret = normalizeIdentifier(organizationSiret);
  const siren = sirenOfSiret(siret);
  const identifiers = structureIdentifiers(facts.subject.organizationalUnits);
  const match = identifiers.find((i) => (i.kind === "siret" && i.value === siret) || (i.kind === "siren" && i.value === siren));
  if (match) {
    return check(id, "ok", `L'OU du certificat porte le ${describe(match)} ${words.of}.`);
  }
  const reviewer = "À vérifier par l'instructeur.";
  if (identifiers.length === 0) {
    return check(
      id,
      "warning",
      "Aucun identifiant national de structure (1 + FINESS, 2 + SIREN ou 3 + SIRET) n'a été trouvé dans l'OU du " +
        `sujet du certificat. L'instructeur vérifiera que ce certificat a bien été délivré ${words.to}.`,
    );
  }
  const finess = identifiers.find((i) => i.kind === "finess");
  if (finess) {
    return check(
      id,
      "warning",
      `L'OU du certificat porte le ${describe(finess)} : son rattachement ${words.to} (SIRET ` +
        `${formatSiret(siret)}) ne peut pas être vérifié automatiquement. ${reviewer}`,
    );
  }
  const other = identifiers[0]!;
  if (other.kind === "siret" && sirenOfSiret(other.value) === siren) {
    return check(
      id,
      "warning",
      `L'OU du certificat porte le ${describe(other)} : c'est un autre établissement de la même entreprise ` +
        `(SIREN ${formatSiren(siren)}) ${words.than} (SIRET ${formatSiret(siret)}). ${reviewer}`,
    );
  }
  return check(
    id,
    "warning",
    `L'OU du certificat porte le ${describe(other)}, qui ne correspond pas ${words.to} (SIRET ` +
      `${formatSiret(siret)}). ${reviewer}`,
  );
}

function describe(identifier: StructureIdentifier): string {
  const label = STRUCTURE_IDENTIFIER_LABELS[identifier.kind];
  const value =
    identifier.kind === "siret" ? formatSiret(identifier.value) : identifier.kind === "siren" ? formatSiren(identifier.value) : identifier.value;
  return identifier.kind === "finess" ? `numéro ${label} ${value}` : `${label} ${value}`;
}

function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3");
}

function uniqueFingerprint(facts: CertificateFacts, others: ReadonlySet<string>): CertificateCheck {
  const fingerprint = normalizeFingerprint(facts.fingerprintSha256);
  const taken = [...others].some((other) => normalizeFingerprint(other) === fingerprint);
  if (taken) {
    return check(
      "unique_fingerprint",
      "error",
      "Ce certificat est déjà enregistré pour un autre service numérique actif. Chaque service doit avoir son propre " +
        "certificat : demandez un certificat distinct à l'IGC Santé.",
    );
  }
  return check("unique_fingerprint", "ok", "Ce certificat n'est enregistré pour aucun autre service.");
}

// Fingerprints are compared whatever their case and separators ("AB:CD..." or "abcd...").
function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[^0-9a-f]/gi, "").toUpperCase();
}
