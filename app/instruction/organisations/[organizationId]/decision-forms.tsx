"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { DecisionPanel } from "@/components/forms/DecisionPanel";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { TextArea } from "@/components/ui/TextArea";
import { REASON_MAX_LENGTH } from "@/lib/organizations/status";
import { decideOrganizationAction } from "./actions";

type Decision = "verify" | "refuse" | "suspend" | "reinstate";

const DECISIONS = {
  verify: {
    summary: "Vérifier l'organisation",
    reason: null,
    confirm: "J'ai contrôlé l'extrait (moins de trois mois, même SIRET et même raison sociale) et le représentant légal qui y figure ou sa délégation",
    button: "Marquer l'organisation comme vérifiée",
    failed: "La vérification n'a pas été enregistrée",
    tone: "neutral",
  },
  refuse: {
    summary: "Refuser la vérification",
    reason: "Motif du refus",
    confirm: "Je confirme refuser la vérification de cette organisation",
    button: "Refuser la vérification",
    failed: "Le refus n'a pas été enregistré",
    tone: "danger",
  },
  suspend: {
    summary: "Suspendre l'organisation",
    reason: "Motif de la suspension",
    confirm: "Je confirme suspendre l'organisation : ses habilitations quittent la liste blanche et ses membres sont déconnectés",
    button: "Suspendre l'organisation",
    failed: "La suspension n'a pas été enregistrée",
    tone: "danger",
  },
  reinstate: {
    summary: "Rétablir l'organisation",
    reason: null,
    confirm: "Je confirme rétablir l'organisation : ses habilitations actives reviennent dans la liste blanche",
    button: "Rétablir l'organisation",
    failed: "Le rétablissement n'a pas été enregistré",
    tone: "neutral",
  },
} as const;

type Values = { reason: string; confirm: boolean };

/** One decision on an organisation, with its confirmation checkbox (and its reason for a refusal or suspension). */
export function OrganizationDecisionForm({ organizationId, decision }: { organizationId: string; decision: Decision }) {
  const d = DECISIONS[decision];
  const schema = z.object({
    reason: d.reason
      ? z.string().trim().min(1, "Indiquez le motif : il est communiqué aux membres de l'organisation.").max(REASON_MAX_LENGTH, `Le motif ne peut pas dépasser ${REASON_MAX_LENGTH} caractères.`)
      : z.string(),
    confirm: z.literal(true, { error: "Cochez la case pour confirmer." }),
  });
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({
    resolver: zodResolver(schema) as unknown as Resolver<Values>,
    defaultValues: { reason: "", confirm: false },
  });
  const { formError, pending, submit } = useServerAction<Values>((values) => decideOrganizationAction(organizationId, decision, { reason: values.reason }), {
    form: { setError, setFocus },
  });
  return (
    <DecisionPanel summary={d.summary} tone={d.tone}>
      <form onSubmit={handleSubmit(submit)} noValidate className="space-y-4">
        {formError && (
          <Alert variant="error" title={d.failed} live>
            {formError}
          </Alert>
        )}
        {d.reason ? (
          <TextArea id={`${decision}-reason`} label={d.reason} hint="Montré aux membres de l'organisation sur le portail." required rows={3} error={formState.errors.reason?.message} {...register("reason")} />
        ) : null}
        <Checkbox id={`${decision}-confirm`} label={d.confirm} error={formState.errors.confirm?.message} {...register("confirm")} />
        <Button type="submit" variant={d.tone === "danger" ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Enregistrement…" : d.button}
        </Button>
      </form>
    </DecisionPanel>
  );
}
