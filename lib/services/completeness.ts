import { z } from "zod";
import { certificateStatuses, type CertificateStatus } from "../certificates/certificate-status";
import { SERVICE_ENVIRONMENT_LABELS, SERVICE_ENVIRONMENTS, type ServiceEnvironmentCode } from "./service-url";
import { plural } from "../vocabulary";

// Pure: what a service's application still lacks, item by item, in the order an editor works through them.
// Each missing item links to the place where it is fixed.

export type CompletenessItemId = "charter" | "purpose" | "url" | "certificate" | "attestation" | "platines";
export type CompletenessState = "done" | "missing" | "upcoming";

export type CompletenessItem = {
  id: CompletenessItemId;
  label: string;
  done: boolean;
  state: CompletenessState;
  detail: string;
  /** Where to fix (or look at) the item; null for upcoming items. */
  href: string | null;
  /** The text of the link to `href` when the item is missing. */
  actionLabel: string | null;
};

export type CertificateVerdict = "ok" | "warning" | "error";

export type CompletenessInput = {
  serviceId: string;
  organizationId: string;
  charter: { acceptedCurrent: boolean; currentVersion: string | null };
  purposes: readonly string[];
  urls: readonly { environment: ServiceEnvironmentCode }[];
  profile: { label: string; requiresCertificate: boolean };
  certificates: readonly {
    id: string;
    environment: ServiceEnvironmentCode;
    notBefore: Date;
    notAfter: Date;
    uploadedAt: Date;
    /** The stored overall verdict of the checks; null when it cannot be read. */
    verdict: CertificateVerdict | null;
  }[];
  /**
   * The active PLATINES test plans that apply to the requested profile, each with whether the service satisfies it
   * (its latest submission for the plan is a homologation session in which every required case succeeded).
   */
  platinesPlans: readonly { name: string; satisfied: boolean }[];
  /** How many of the service's client attestations are sealed, and how many are under way (not sealed, not abandoned). */
  attestations: { sealed: number; inProgress: number };
  now: Date;
};

export function platinesPath(serviceId: string): string {
  return `/editeur/services/${encodeURIComponent(serviceId)}/platines`;
}

/** The overall verdict stored with a certificate (`{ verdict, checks }`), or null when it is missing or unreadable. */
/** What both the service page and the dossier's checklist read of a service, as stored. */
export type ServiceRecords = {
  id: string;
  organizationId: string;
  purposes: readonly string[];
  urls: readonly { environment: ServiceEnvironmentCode }[];
  requestedProfile: { label: string; requiresCertificate: boolean };
  certificates: readonly { id: string; environment: ServiceEnvironmentCode; notBefore: Date; notAfter: Date; uploadedAt: Date; checks: unknown }[];
  attestations: readonly { status: string }[];
};

/** The one completeness read of a service: its records, its organisation's charter status and its PLATINES plans. */
export function completenessOfRecords(
  service: ServiceRecords,
  charter: { acceptedCurrent: boolean; currentVersion: { version: string } | null },
  platinesPlans: readonly { name: string; satisfied: boolean }[],
  now: Date,
): CompletenessItem[] {
  return serviceCompleteness({
    serviceId: service.id,
    organizationId: service.organizationId,
    charter: { acceptedCurrent: charter.acceptedCurrent, currentVersion: charter.currentVersion?.version ?? null },
    purposes: service.purposes,
    urls: service.urls,
    profile: service.requestedProfile,
    certificates: service.certificates.map((c) => ({ ...c, verdict: storedVerdict(c.checks) })),
    platinesPlans,
    attestations: {
      sealed: service.attestations.filter((a) => a.status === "SEALED").length,
      inProgress: service.attestations.filter((a) => a.status !== "SEALED" && a.status !== "CANCELLED").length,
    },
    now,
  });
}

/** The stored checks of a certificate (a JSON column): only their overall verdict is read back. */
const storedChecks = z.object({ verdict: z.enum(["ok", "warning", "error"]) });

export function storedVerdict(checks: unknown): CertificateVerdict | null {
  const parsed = storedChecks.safeParse(checks);
  return parsed.success ? parsed.data.verdict : null;
}

export function certificatesPath(serviceId: string, environment: ServiceEnvironmentCode): string {
  return `/editeur/services/${encodeURIComponent(serviceId)}/certificats?environnement=${environment}`;
}

/** The status of every certificate, computed per environment (a test and a production certificate are both active). */
export function statusesByEnvironment(
  certificates: readonly { id: string; environment: ServiceEnvironmentCode; notBefore: Date; notAfter: Date; uploadedAt: Date }[],
  now: Date,
): Map<string, CertificateStatus> {
  const statuses = new Map<string, CertificateStatus>();
  for (const environment of SERVICE_ENVIRONMENTS) {
    const ofEnvironment = certificates.filter((c) => c.environment === environment);
    for (const [id, status] of certificateStatuses(ofEnvironment, now)) statuses.set(id, status);
  }
  return statuses;
}

function charterItem(input: CompletenessInput): CompletenessItem {
  const href = `/editeur/charte?organisation=${encodeURIComponent(input.organizationId)}`;
  const { acceptedCurrent, currentVersion } = input.charter;
  const done = acceptedCurrent;
  return {
    id: "charter",
    label: "Charte d'accès aux données du ROR acceptée",
    done,
    state: done ? "done" : "missing",
    detail: done
      ? currentVersion
        ? `La version ${currentVersion} en vigueur est acceptée par votre représentant légal.`
        : "Aucune version de la charte n'est publiée : il n'y a rien à accepter."
      : `Votre représentant légal doit accepter la version ${currentVersion ?? "en vigueur"} de la charte.`,
    href,
    actionLabel: done ? null : "Accepter la charte",
  };
}

function purposeItem(input: CompletenessInput): CompletenessItem {
  const done = input.purposes.length > 0;
  return {
    id: "purpose",
    label: "Finalité du service indiquée",
    done,
    state: done ? "done" : "missing",
    detail: done ? "Orientation, régulation, coordination ou information : la finalité est indiquée." : "Indiquez au moins une finalité du service.",
    href: `/editeur/services/${encodeURIComponent(input.serviceId)}/modifier`,
    actionLabel: done ? null : "Indiquer la finalité",
  };
}

function urlItem(input: CompletenessInput): CompletenessItem {
  const count = (environment: ServiceEnvironmentCode) => input.urls.filter((u) => u.environment === environment).length;
  const done = input.urls.length > 0;
  return {
    id: "url",
    label: "URL du service déclarée",
    done,
    state: done ? "done" : "missing",
    detail: done
      ? `${plural(input.urls.length, "URL déclarée", "URL déclarées")} (test : ${count("TEST")}, production : ${count("PRODUCTION")}).`
      : "Aucune URL déclarée. Déclarez au moins l'URL de test ou de production du service.",
    href: "#urls",
    actionLabel: done ? null : "Déclarer une URL",
  };
}

function certificateItem(input: CompletenessInput): CompletenessItem {
  const label = "Certificat IGC Santé actif et conforme";
  const testPage = certificatesPath(input.serviceId, "TEST");
  if (!input.profile.requiresCertificate) {
    return {
      id: "certificate",
      label,
      done: true,
      state: "done",
      detail: `Le profil demandé (${input.profile.label}) ne requiert pas de certificat.`,
      href: testPage,
      actionLabel: null,
    };
  }
  const statuses = statusesByEnvironment(input.certificates, input.now);
  const usable = input.certificates.filter((c) => statuses.get(c.id) === "active" && c.verdict !== null && c.verdict !== "error");
  if (usable.length > 0) {
    const environments = SERVICE_ENVIRONMENTS.filter((e) => usable.some((c) => c.environment === e)).map((e) => SERVICE_ENVIRONMENT_LABELS[e].toLowerCase());
    const warned = usable.some((c) => c.verdict === "warning");
    return {
      id: "certificate",
      label,
      done: true,
      state: "done",
      detail: `Certificat actif en environnement de ${environments.join(" et de ")}${warned ? ", avec des points que l'instructeur vérifiera" : ""}.`,
      href: certificatesPath(input.serviceId, usable[0]!.environment),
      actionLabel: null,
    };
  }
  const activeButRefused = input.certificates.some((c) => statuses.get(c.id) === "active");
  return {
    id: "certificate",
    label,
    done: false,
    state: "missing",
    detail: activeButRefused
      ? "Le certificat actif n'est pas conforme. Déposez un certificat qui passe les contrôles."
      : `Le profil demandé (${input.profile.label}) requiert un certificat client IGC Santé actif.`,
    href: testPage,
    actionLabel: "Déposer un certificat",
  };
}

export function attestationsPath(serviceId: string): string {
  return `/editeur/services/${encodeURIComponent(serviceId)}/attestations`;
}

function attestationItem(input: CompletenessInput): CompletenessItem {
  const label = "Attestation de client signée (annexe 1)";
  const href = attestationsPath(input.serviceId);
  const { sealed, inProgress } = input.attestations;
  if (!input.profile.requiresCertificate) {
    return {
      id: "attestation",
      label,
      done: true,
      state: "done",
      detail: `Le profil demandé (${input.profile.label}) ne donne accès qu'aux données en libre accès : aucune attestation de client n'est exigée.`,
      href,
      actionLabel: null,
    };
  }
  if (sealed > 0) {
    return { id: "attestation", label, done: true, state: "done", detail: `${plural(sealed, "attestation signée et scellée", "attestations signées et scellées")}.`, href, actionLabel: null };
  }
  return {
    id: "attestation",
    label,
    done: false,
    state: "missing",
    detail:
      inProgress > 0
        ? `${plural(inProgress, "attestation en cours", "attestations en cours")} : il faut qu'au moins une soit signée par le client et par votre représentant légal.`
        : "Au moins un client doit attester qu'il utilise le service : remplissez l'attestation et faites-la signer.",
    href,
    actionLabel: inProgress > 0 ? "Suivre les attestations" : "Remplir une attestation",
  };
}

function platinesItem(input: CompletenessInput): CompletenessItem {
  const label = "Résultats PLATINES";
  const href = platinesPath(input.serviceId);
  const plans = input.platinesPlans;
  if (plans.length === 0) {
    return {
      id: "platines",
      label,
      done: true,
      state: "done",
      detail: `Aucun test PLATINES n'est exigé pour le profil demandé (${input.profile.label}).`,
      href,
      actionLabel: null,
    };
  }
  const unsatisfied = plans.filter((plan) => !plan.satisfied);
  if (unsatisfied.length === 0) {
    return {
      id: "platines",
      label,
      done: true,
      state: "done",
      detail: `${plural(plans.length, "plan de tests satisfait", "plans de tests satisfaits")} par une session d'homologation.`,
      href,
      actionLabel: null,
    };
  }
  return {
    id: "platines",
    label,
    done: false,
    state: "missing",
    detail: `À satisfaire par une session d'homologation réussie : ${unsatisfied.map((plan) => `« ${plan.name} »`).join(", ")}.`,
    href,
    actionLabel: "Déposer des résultats PLATINES",
  };
}

/** The ordered checklist of a service's application. */
export function serviceCompleteness(input: CompletenessInput): CompletenessItem[] {
  return [
    charterItem(input),
    purposeItem(input),
    urlItem(input),
    certificateItem(input),
    attestationItem(input),
    platinesItem(input),
  ];
}

export type CompletenessSummary = { done: number; total: number; missing: string[]; upcoming: number };

/** Counts the items that can be completed today (upcoming ones aside), for the list of services. */
export function completenessSummary(items: readonly CompletenessItem[]): CompletenessSummary {
  const current = items.filter((item) => item.state !== "upcoming");
  return {
    done: current.filter((item) => item.done).length,
    total: current.length,
    missing: current.filter((item) => !item.done).map((item) => item.label),
    upcoming: items.length - current.length,
  };
}
