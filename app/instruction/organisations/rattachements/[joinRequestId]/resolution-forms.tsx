"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { DecisionPanel } from "@/components/forms/DecisionPanel";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { Fieldset } from "@/components/ui/Fieldset";
import { TextArea } from "@/components/ui/TextArea";
import { REASON_MAX_LENGTH } from "@/lib/organizations/status";
import { refuseSquattingOrganizationAction, removeMembersAction, transferOrganizationAction } from "./actions";

const reason = z
  .string()
  .trim()
  .min(1, "Indiquez le motif : il est conservé au journal et communiqué aux personnes concernées sur le portail.")
  .max(REASON_MAX_LENGTH, `Le motif ne peut pas dépasser ${REASON_MAX_LENGTH} caractères.`);
const confirm = z.literal(true, { error: "Cochez la case pour confirmer." });

const DECISIONS = {
  transfer: {
    summary: "Transférer l'organisation au demandeur",
    reason: "Justificatifs contrôlés et motif du transfert",
    hint: "Par exemple : extrait Kbis du 1er décembre 2026, où figure le demandeur comme président.",
    confirm: "J'ai contrôlé que le demandeur est le représentant légal de la société : les représentants légaux actuels sont retirés et l'organisation attend de nouveau sa vérification",
    button: "Transférer l'organisation",
    failed: "Le transfert n'a pas été enregistré",
    tone: "neutral",
    action: transferOrganizationAction,
  },
  refuse: {
    summary: "Refuser l'organisation détenue à tort",
    reason: "Motif du refus",
    hint: "Montré aux membres de l'organisation sur le portail.",
    confirm: "Je confirme refuser cette organisation : elle ne pourra plus déposer de dossier",
    button: "Refuser l'organisation",
    failed: "Le refus n'a pas été enregistré",
    tone: "danger",
    action: refuseSquattingOrganizationAction,
  },
} as const;

type Values = { reason: string; confirm: boolean };

/** The transfer of the organisation to the requester, or the refusal of the squatting organisation. */
export function SquattingDecisionForm({ joinRequestId, decision }: { joinRequestId: string; decision: keyof typeof DECISIONS }) {
  const d = DECISIONS[decision];
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({
    resolver: zodResolver(z.object({ reason, confirm })) as unknown as Resolver<Values>,
    defaultValues: { reason: "", confirm: false },
  });
  const { formError, pending, submit } = useServerAction<Values>((values) => d.action(joinRequestId, { reason: values.reason }), { form: { setError, setFocus } });
  return (
    <DecisionPanel summary={d.summary} tone={d.tone}>
      <form onSubmit={handleSubmit(submit)} noValidate className="space-y-4">
        {formError && (
          <Alert variant="error" title={d.failed} live>
            {formError}
          </Alert>
        )}
        <TextArea id={`${decision}-reason`} label={d.reason} hint={d.hint} required rows={3} error={formState.errors.reason?.message} {...register("reason")} />
        <Checkbox id={`${decision}-confirm`} label={d.confirm} error={formState.errors.confirm?.message} {...register("confirm")} />
        <Button type="submit" variant={d.tone === "danger" ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Enregistrement…" : d.button}
        </Button>
      </form>
    </DecisionPanel>
  );
}

type RemovalValues = { membershipIds: string[]; reason: string; confirm: boolean };

/** ANS removes members it found to have no link with the company (the case stays open). */
export function RemoveMembersForm({ joinRequestId, members }: { joinRequestId: string; members: { membershipId: string; label: string }[] }) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<RemovalValues>({
    resolver: zodResolver(z.object({ membershipIds: z.array(z.string()).min(1, "Cochez au moins un membre à retirer."), reason, confirm })) as unknown as Resolver<RemovalValues>,
    defaultValues: { membershipIds: [], reason: "", confirm: false },
  });
  const { formError, pending, submit } = useServerAction<RemovalValues>((values) => removeMembersAction(joinRequestId, { membershipIds: values.membershipIds, reason: values.reason }), {
    form: { setError, setFocus },
  });
  return (
    <DecisionPanel summary="Retirer des membres de l'organisation" tone="danger">
      <form onSubmit={handleSubmit(submit)} noValidate className="space-y-4">
        {formError && (
          <Alert variant="error" title="Le retrait n'a pas été enregistré" live>
            {formError}
          </Alert>
        )}
        <Fieldset id="membershipIds" legend="Membres à retirer" required error={formState.errors.membershipIds?.message}>
          <div className="mt-2 space-y-2">
            {members.map((m) => (
              <Checkbox key={m.membershipId} id={`member-${m.membershipId}`} label={m.label} value={m.membershipId} {...register("membershipIds")} />
            ))}
          </div>
        </Fieldset>
        <TextArea id="remove-reason" label="Motif du retrait" hint="Conservé au journal ; les personnes retirées en sont informées par courriel." required rows={3} error={formState.errors.reason?.message} {...register("reason")} />
        <Checkbox id="remove-confirm" label="Je confirme retirer ces membres : leurs sessions sont fermées" error={formState.errors.confirm?.message} {...register("confirm")} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Enregistrement…" : "Retirer les membres cochés"}
        </Button>
      </form>
    </DecisionPanel>
  );
}
