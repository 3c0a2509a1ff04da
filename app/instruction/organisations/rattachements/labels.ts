import type { EscalationCause } from "@/lib/organizations/squatting";

export const ESCALATION_CAUSE_LABELS: Record<EscalationCause, string> = {
  unanswered: "Sans réponse depuis 15 jours",
  claim: "Le demandeur se dit représentant légal",
};
