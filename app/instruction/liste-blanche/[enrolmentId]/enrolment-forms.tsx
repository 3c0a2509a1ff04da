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
import { TextField } from "@/components/ui/TextField";
import { reviewText } from "@/lib/message-text";
import { departsFromDefault, quotaReasonSchema } from "@/lib/enrolments/quotas";
import { QUOTA_RANGE_MESSAGE } from "@/lib/vocabulary";
import { reinstateAction, revokeAction, setQuotasAction, suspendAction } from "./actions";

const confirmation = z.literal(true, { error: "Cochez la case pour confirmer." });

type Quotas = { authenticatedPerSecond: number; publicPerSecond: number };
type QuotaValues = { authenticatedPerSecond: string; publicPerSecond: string; reason: string; version: string; confirm: boolean };

const quotaText = z.string().regex(/^\s*\d{1,4}\s*$/, QUOTA_RANGE_MESSAGE).refine((v) => Number(v) >= 1 && Number(v) <= 1000, QUOTA_RANGE_MESSAGE);

/** Level-2 quotas of the enrolment; a reason is required when they depart from the profile's defaults. */
export function QuotaForm({ enrolmentId, version, quotas, defaults, reason }: { enrolmentId: string; version: number; quotas: Quotas; defaults: Quotas; reason: string | null }) {
  const schema = z
    .object({ authenticatedPerSecond: quotaText, publicPerSecond: quotaText, reason: z.string(), version: z.string(), confirm: confirmation })
    .superRefine((v, context) => {
      const typed = { authenticatedPerSecond: Number(v.authenticatedPerSecond), publicPerSecond: Number(v.publicPerSecond) };
      if (!departsFromDefault(typed, defaults)) return;
      const parsed = quotaReasonSchema.safeParse(v.reason);
      if (!parsed.success) {
        context.addIssue({
          code: "custom",
          path: ["reason"],
          message: v.reason.trim() === "" ? "Saisissez le motif : les quotas s'écartent de ceux du profil." : parsed.error.issues[0]!.message,
        });
      }
    });
  const { register, handleSubmit, setError, setFocus, formState } = useForm<QuotaValues>({
    resolver: zodResolver(schema) as unknown as Resolver<QuotaValues>,
    defaultValues: { authenticatedPerSecond: String(quotas.authenticatedPerSecond), publicPerSecond: String(quotas.publicPerSecond), reason: reason ?? "", version: String(version), confirm: false },
  });
  const { formError, pending, submit } = useServerAction<QuotaValues>(
    (values) => setQuotasAction(enrolmentId, values),
    { form: { setError, setFocus } },
  );
  return (
    <DecisionPanel summary="Modifier les quotas de niveau 2">
      <form onSubmit={handleSubmit(submit)} noValidate className="space-y-4">
        {formError && (
          <Alert variant="error" title="Les quotas n'ont pas été modifiés" live>
            {formError}
          </Alert>
        )}
        <input type="hidden" {...register("version")} />
        <p>
          Valeurs par défaut du profil : {defaults.authenticatedPerSecond} appels par seconde sur les API authentifiées, {defaults.publicPerSecond} sur les API
          publiques. La modification s&apos;applique à la liste blanche dès son enregistrement.
        </p>
        <TextField id="quota-authenticated" label="API authentifiées (appels par seconde)" hint="Nombre entier entre 1 et 1000." inputMode="numeric" required error={formState.errors.authenticatedPerSecond?.message} {...register("authenticatedPerSecond")} />
        <TextField id="quota-public" label="API publiques (appels par seconde)" hint="Nombre entier entre 1 et 1000." inputMode="numeric" required error={formState.errors.publicPerSecond?.message} {...register("publicPerSecond")} />
        <TextArea id="quota-reason" label="Motif" hint="Obligatoire si les quotas s'écartent de ceux du profil : 5 à 500 caractères, sans < ni >." rows={3} error={formState.errors.reason?.message} {...register("reason")} />
        <Checkbox id="quota-confirm" label="Je confirme modifier les quotas de cette habilitation" error={formState.errors.confirm?.message} {...register("confirm")} />
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les quotas"}
        </Button>
      </form>
    </DecisionPanel>
  );
}

type Change = "suspend" | "reinstate" | "revoke";
const CHANGES = {
  suspend: { summary: "Suspendre l'habilitation", reason: "Motif de la suspension", empty: "Indiquez le motif de la suspension.", confirm: "Je confirme suspendre cette habilitation : la passerelle refusera les appels du service", button: "Suspendre", failed: "La suspension n'a pas été enregistrée", action: suspendAction, tone: "danger" },
  reinstate: { summary: "Rétablir l'habilitation", reason: null, empty: "", confirm: "Je confirme rétablir cette habilitation : la passerelle acceptera de nouveau les appels du service", button: "Rétablir", failed: "Le rétablissement n'a pas été enregistré", action: reinstateAction, tone: "neutral" },
  revoke: { summary: "Révoquer l'habilitation", reason: "Motif de la révocation", empty: "Indiquez le motif de la révocation.", confirm: "Je confirme révoquer définitivement cette habilitation", button: "Révoquer définitivement", failed: "La révocation n'a pas été enregistrée", action: revokeAction, tone: "danger" },
} as const;

type ChangeValues = { reason: string; version: string; confirm: boolean };

/** Suspend (reason), reinstate, or revoke (reason), each with a confirmation checkbox and the version seen. */
export function EnrolmentChangeForm({ change, enrolmentId, version }: { change: Change; enrolmentId: string; version: number }) {
  const c = CHANGES[change];
  const schema = z.object({ reason: c.reason ? reviewText(c.empty) : z.string(), version: z.string(), confirm: confirmation });
  const { register, handleSubmit, setError, setFocus, formState } = useForm<ChangeValues>({
    resolver: zodResolver(schema) as unknown as Resolver<ChangeValues>,
    defaultValues: { reason: "", version: String(version), confirm: false },
  });
  const { formError, pending, submit } = useServerAction<ChangeValues>(
    (values) => c.action(enrolmentId, c.reason ? values : { version: values.version }),
    { form: { setError, setFocus } },
  );
  return (
    <DecisionPanel summary={c.summary} tone={c.tone}>
      <form onSubmit={handleSubmit(submit)} noValidate className="space-y-4">
        {formError && (
          <Alert variant="error" title={c.failed} live>
            {formError}
          </Alert>
        )}
        <input type="hidden" {...register("version")} />
        {c.reason ? <TextArea id={`${change}-reason`} label={c.reason} hint="Envoyé à l'éditeur par courriel." required rows={3} error={formState.errors.reason?.message} {...register("reason")} /> : null}
        <Checkbox id={`${change}-confirm`} label={c.confirm} error={formState.errors.confirm?.message} {...register("confirm")} />
        <Button type="submit" variant={c.tone === "danger" ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Enregistrement…" : c.button}
        </Button>
      </form>
    </DecisionPanel>
  );
}
