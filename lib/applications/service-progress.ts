import type { EnrolmentStatus } from "../enrolments/status";
import { editorApplicationPath } from "../paths";
import type { CompletenessItem } from "../services/completeness";
import { isBlocking, submissionChecklist } from "./checklist";
import type { ApplicationStatus } from "./lifecycle";

// Pure: where one service stands on its way into the trust space, and the one next step its editor has to take,
// for the editor's home page. It reads the same completeness list as the service page and the dossier's checklist,
// then the service's open dossier and its enrolment in force.

export type ServiceProgressInput = {
  serviceId: string;
  serviceName: string;
  completeness: readonly CompletenessItem[];
  /** The requested profile, still offered by the catalogue or not (the dossier's checklist adds that item). */
  profile: { label: string; active: boolean };
  /** The open dossier (draft, submitted, changes requested), if any. */
  openApplication: { id: string; status: ApplicationStatus; kind: "NEW" | "AMENDMENT" } | null;
  /** The last closed dossier, when there is no open one and it was refused or withdrawn. */
  lastClosed: { id: string; status: "REFUSED" | "WITHDRAWN" } | null;
  /** The enrolment in force (active or suspended), if any. */
  enrolment: { status: EnrolmentStatus; profileLabel: string } | null;
};

export type NextStep = { text: string; href: string; linkLabel: string };

export type ServiceProgress = {
  serviceId: string;
  serviceName: string;
  /** Where the service stands, in a few words. */
  stage: string;
  /** What the editor does next; null when nothing is expected of them (waiting for ANS, or enrolled). */
  next: NextStep | null;
  /** What the editor waits for, when nothing is expected of them. */
  waiting: string | null;
};

function servicePath(serviceId: string): string {
  return `/editeur/services/${encodeURIComponent(serviceId)}`;
}

function itemHref(serviceId: string, href: string | null): string {
  if (!href) return servicePath(serviceId);
  return href.startsWith("#") ? `${servicePath(serviceId)}${href}` : href;
}

/** The first piece still missing, as a step. */
function missingStep(input: ServiceProgressInput): NextStep | null {
  const checklist = submissionChecklist(input.completeness, input.profile, `${servicePath(input.serviceId)}/modifier`);
  const first = checklist.items.find(isBlocking);
  if (!first) return null;
  return { text: first.detail, href: itemHref(input.serviceId, first.href), linkLabel: first.actionLabel ?? first.label };
}

export function serviceProgress(input: ServiceProgressInput): ServiceProgress {
  const base = { serviceId: input.serviceId, serviceName: input.serviceName };
  const open = input.openApplication;
  const amendment = open?.kind === "AMENDMENT";
  const dossier = open ? editorApplicationPath(open.id) : null;
  const inForce = input.enrolment
    ? input.enrolment.status === "SUSPENDED"
      ? `Habilitation suspendue (${input.enrolment.profileLabel})`
      : `Habilité : ${input.enrolment.profileLabel}`
    : null;

  if (open?.status === "SUBMITTED") {
    return {
      ...base,
      stage: amendment ? `${inForce} ; demande de modification déposée, en attente d'instruction` : "Dossier déposé, en attente d'instruction",
      next: null,
      waiting: "L'ANS instruit le dossier : vous serez prévenu par courriel de sa décision ou de ses questions.",
    };
  }
  if (open?.status === "CHANGES_REQUESTED") {
    return {
      ...base,
      stage: amendment ? `${inForce} ; modifications demandées sur la demande de modification` : "Modifications demandées par l'instructeur",
      next: missingStep(input) ?? {
        text: "Faites les modifications demandées, puis déposez le dossier à nouveau.",
        href: dossier!,
        linkLabel: "Voir la demande de l'instructeur",
      },
      waiting: null,
    };
  }
  if (open?.status === "DRAFT") {
    return {
      ...base,
      stage: amendment ? `${inForce} ; demande de modification en préparation` : "Dossier d'adhésion en préparation",
      next: missingStep(input) ?? { text: "Toutes les pièces sont réunies : déposez le dossier auprès de l'ANS.", href: dossier!, linkLabel: "Déposer le dossier" },
      waiting: null,
    };
  }
  if (input.enrolment) {
    return input.enrolment.status === "SUSPENDED"
      ? {
          ...base,
          stage: inForce!,
          next: null,
          waiting: "L'ANS a suspendu l'habilitation : la passerelle refuse les appels du service jusqu'à son rétablissement.",
        }
      : { ...base, stage: inForce!, next: null, waiting: "Le service appelle les API du ROR. Tout changement de certificat, d'URL ou de fonctions passe par une demande de modification." };
  }
  const stage =
    input.lastClosed?.status === "REFUSED" ? "Dossier refusé" : input.lastClosed?.status === "WITHDRAWN" ? "Dossier retiré" : "Service déclaré, dossier à constituer";
  return {
    ...base,
    stage,
    next: missingStep(input) ?? {
      text: "Toutes les pièces sont réunies : créez le dossier d'adhésion, puis déposez-le.",
      href: `${servicePath(input.serviceId)}#dossier`,
      linkLabel: "Créer le dossier d'adhésion",
    },
    waiting: null,
  };
}
