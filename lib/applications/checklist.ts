import type { CompletenessItem } from "../services/completeness";

// Pure: the gate of a submission. It reuses the service's completeness list (lib/services/completeness.ts, the
// same list the editor sees on the service page) and adds what only an application needs: the requested profile
// must still be offered by the catalogue.
//
// An item in the "upcoming" state is a step of the portal that does not exist yet (it has no link and cannot be
// completed): it cannot block a submission. Once its area is built, the item is "done" or "missing" and gates.

export type ChecklistItem = Pick<CompletenessItem, "id" | "label" | "done" | "state" | "detail" | "href" | "actionLabel"> | ProfileItem;

type ProfileItem = {
  id: "profile";
  label: string;
  done: boolean;
  state: "done" | "missing";
  detail: string;
  href: string | null;
  actionLabel: string | null;
};

export type SubmissionChecklist = {
  items: ChecklistItem[];
  /** The items that prevent the submission, in order. */
  missing: ChecklistItem[];
  complete: boolean;
};

export function isBlocking(item: ChecklistItem): boolean {
  return !item.done && item.state !== "upcoming";
}

export function submissionChecklist(
  completeness: readonly CompletenessItem[],
  profile: { label: string; active: boolean },
  serviceEditHref: string,
): SubmissionChecklist {
  const profileItem: ProfileItem = profile.active
    ? { id: "profile", label: "Profil d'accès demandé proposé au catalogue", done: true, state: "done", detail: `Profil demandé : ${profile.label}.`, href: serviceEditHref, actionLabel: null }
    : {
        id: "profile",
        label: "Profil d'accès demandé proposé au catalogue",
        done: false,
        state: "missing",
        detail: `Le profil demandé (${profile.label}) n'est plus proposé par l'ANS : choisissez un autre profil.`,
        href: serviceEditHref,
        actionLabel: "Choisir un autre profil",
      };
  const items: ChecklistItem[] = [...completeness, profileItem];
  const missing = items.filter(isBlocking);
  return { items, missing, complete: missing.length === 0 };
}

/** The sentence above the checklist: whether the dossier can be submitted, or, once submitted, what the list now is. */
export function checklistSummary(missing: number, submitted: boolean): string {
  if (submitted) {
    return missing === 0
      ? "Le dossier est déposé : l'instructeur examine les pièces de ce dépôt. La liste ci-dessous montre les pièces telles qu'elles sont aujourd'hui."
      : `Le dossier est déposé, mais ${missing > 1 ? `${missing} pièces ne sont plus réunies` : "1 pièce n'est plus réunie"} aujourd'hui : l'instructeur examine les pièces du dépôt ; complétez-les avant un prochain dépôt.`;
  }
  return missing === 0
    ? "Toutes les pièces exigées sont réunies : le dossier peut être déposé."
    : `${missing} pièce${missing > 1 ? "s manquent" : " manque"} encore : le dossier ne peut pas être déposé tant qu'${missing > 1 ? "elles manquent" : "elle manque"}.`;
}
