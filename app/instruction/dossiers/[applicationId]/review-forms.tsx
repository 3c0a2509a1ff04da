"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { z } from "zod";
import { DecisionPanel } from "@/components/forms/DecisionPanel";
import { useServerAction } from "@/components/forms/use-server-action";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { Fieldset } from "@/components/ui/Fieldset";
import { Select } from "@/components/ui/Select";
import { TextArea } from "@/components/ui/TextArea";
import { TextField } from "@/components/ui/TextField";
import { reviewText } from "@/lib/message-text";
import { approveAction, postReviewerMessageAction, refuseAction, requestChangesAction } from "./actions";
import { TemplatePicker, type InsertableTemplate } from "./team-forms";
import { profileName } from "@/lib/vocabulary";

const confirmation = z.literal(true, { error: "Cochez la case pour confirmer votre décision." });

type TextDecision = "requestChanges" | "refuse";

const TEXT_DECISIONS = {
  requestChanges: {
    summary: "Demander des modifications",
    field: "message",
    label: "Modifications attendues",
    hint: "Ce message est envoyé à l'éditeur et ajouté aux échanges du dossier. Texte simple, 5 000 caractères au plus.",
    confirm: "Je confirme renvoyer le dossier à l'éditeur pour modifications",
    button: "Renvoyer le dossier à l'éditeur",
    failed: "La demande de modifications n'a pas été envoyée",
    empty: "Indiquez à l'éditeur les modifications attendues.",
    action: requestChangesAction,
    tone: "neutral",
  },
  refuse: {
    summary: "Refuser le dossier",
    field: "reason",
    label: "Motif du refus",
    hint: "Le refus est définitif ; l'éditeur le lit sur son espace. Texte simple, 5 000 caractères au plus.",
    confirm: "Je confirme refuser définitivement ce dossier",
    button: "Refuser définitivement le dossier",
    failed: "Le refus n'a pas été enregistré",
    empty: "Indiquez le motif du refus.",
    action: refuseAction,
    tone: "danger",
  },
} as const;

type TextDecisionValues = { text: string; version: string; confirm: boolean };

/** Request changes (message) or refuse (reason), with a confirmation checkbox. */
export function TextDecisionForm({ decision, applicationId, version, templates = [] }: { decision: TextDecision; applicationId: string; version: number; templates?: InsertableTemplate[] }) {
  const d = TEXT_DECISIONS[decision];
  const schema = z.object({ text: reviewText(d.empty), version: z.string(), confirm: confirmation });
  const { register, handleSubmit, setError, setFocus, setValue, formState } = useForm<TextDecisionValues>({
    resolver: zodResolver(schema) as unknown as Resolver<TextDecisionValues>,
    defaultValues: { text: "", version: String(version), confirm: false },
  });
  const { formError, pending, submit } = useServerAction<TextDecisionValues>(
    (values) => d.action(applicationId, { [d.field]: values.text, version: values.version }),
    { form: { setError, setFocus }, renameFields: { [d.field]: "text" } },
  );
  const id = `decision-${decision}`;
  return (
    <DecisionPanel summary={d.summary} tone={d.tone}>
      <form onSubmit={handleSubmit(submit)} noValidate className="space-y-4">
        {formError && (
          <Alert variant="error" title={d.failed} live>
            {formError}
          </Alert>
        )}
        <input type="hidden" {...register("version")} />
        {decision === "requestChanges" && <TemplatePicker id={id} templates={templates} onInsert={(text) => setValue("text", text, { shouldDirty: true })} />}
        <TextArea id={`${id}-text`} label={d.label} hint={d.hint} required rows={5} error={formState.errors.text?.message} {...register("text")} />
        <Checkbox id={`${id}-confirm`} label={d.confirm} error={formState.errors.confirm?.message} {...register("confirm")} />
        <Button type="submit" variant={decision === "refuse" ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Envoi…" : d.button}
        </Button>
      </form>
    </DecisionPanel>
  );
}

export type ApprovalProfile = { id: string; code: string; label: string; quotas: { authenticatedPerSecond: number; publicPerSecond: number } };

type ApproveValues = {
  accessProfileId: string;
  level2AuthenticatedPerSecond: string;
  level2PublicPerSecond: string;
  quotaReason: string;
  version: string;
  confirm: boolean;
};

const approveSchema = z.object({
  accessProfileId: z.string().min(1, "Choisissez le profil d'accès accordé."),
  level2AuthenticatedPerSecond: z.string().regex(/^\s*\d+\s*$/, "Saisissez un nombre entier d'appels par seconde."),
  level2PublicPerSecond: z.string().regex(/^\s*\d+\s*$/, "Saisissez un nombre entier d'appels par seconde."),
  quotaReason: z.string(),
  version: z.string(),
  confirm: confirmation,
});

/** Approve with a profile of the catalogue; quotas start from the profile's defaults and stay editable. */
export function ApproveForm({ applicationId, version, profiles, requestedProfileCode }: { applicationId: string; version: number; profiles: ApprovalProfile[]; requestedProfileCode: string }) {
  const initial = profiles.find((p) => p.code === requestedProfileCode) ?? profiles[0];
  const { register, handleSubmit, setError, setFocus, setValue, control, formState } = useForm<ApproveValues>({
    resolver: zodResolver(approveSchema) as unknown as Resolver<ApproveValues>,
    defaultValues: {
      accessProfileId: initial?.id ?? "",
      level2AuthenticatedPerSecond: String(initial?.quotas.authenticatedPerSecond ?? ""),
      level2PublicPerSecond: String(initial?.quotas.publicPerSecond ?? ""),
      quotaReason: "",
      version: String(version),
      confirm: false,
    },
  });
  const { formError, pending, submit } = useServerAction<ApproveValues>(
    (values) => approveAction(applicationId, values),
    { form: { setError, setFocus } },
  );
  const selectedId = useWatch({ control, name: "accessProfileId" });
  const selected = profiles.find((p) => p.id === selectedId);
  const profileField = register("accessProfileId", {
    onChange: (event: { target: { value: string } }) => {
      const profile = profiles.find((p) => p.id === event.target.value);
      if (!profile) return;
      setValue("level2AuthenticatedPerSecond", String(profile.quotas.authenticatedPerSecond));
      setValue("level2PublicPerSecond", String(profile.quotas.publicPerSecond));
    },
  });
  const e = formState.errors;
  return (
    <DecisionPanel summary="Approuver le dossier">
      <form onSubmit={handleSubmit(submit)} noValidate className="space-y-4">
        {formError && (
          <Alert variant="error" title="L'approbation n'a pas été enregistrée" live>
            {formError}
          </Alert>
        )}
        <input type="hidden" {...register("version")} />
        <Select id="accessProfileId" label="Profil d'accès accordé" hint={`Profil demandé par l'éditeur : ${requestedProfileCode}.`} required error={e.accessProfileId?.message} {...profileField}>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {profileName(p.code, p.label)}
            </option>
          ))}
        </Select>
        <Fieldset
          id="quotas"
          legend="Quotas de niveau 2 accordés"
          hint={
            selected
              ? `Valeurs par défaut du profil ${selected.code} : ${selected.quotas.authenticatedPerSecond} appels par seconde authentifiés, ${selected.quotas.publicPerSecond} publics. Changer de profil remet ces valeurs.`
              : undefined
          }
        >
          <TextField
            id="level2AuthenticatedPerSecond"
            label="Appels par seconde sur une API authentifiée"
            inputMode="numeric"
            required
            error={e.level2AuthenticatedPerSecond?.message}
            {...register("level2AuthenticatedPerSecond")}
          />
          <TextField
            id="level2PublicPerSecond"
            label="Appels par seconde sur une API publique"
            inputMode="numeric"
            required
            error={e.level2PublicPerSecond?.message}
            {...register("level2PublicPerSecond")}
          />
        </Fieldset>
        <TextArea
          id="quotaReason"
          label="Motif des quotas"
          hint="Obligatoire lorsque les quotas s'écartent des valeurs par défaut du profil. De 5 à 500 caractères."
          rows={3}
          error={e.quotaReason?.message}
          {...register("quotaReason")}
        />
        <Checkbox id="approve-confirm" label="Je confirme approuver ce dossier et accorder l'habilitation" error={e.confirm?.message} {...register("confirm")} />
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Approuver et accorder l'habilitation"}
        </Button>
      </form>
    </DecisionPanel>
  );
}

type MessageValues = { body: string };

/** The reviewer side of the thread. */
export function ReviewerMessageForm({ applicationId, templates = [] }: { applicationId: string; templates?: InsertableTemplate[] }) {
  const { register, handleSubmit, setError, setFocus, setValue, formState } = useForm<MessageValues>({
    resolver: zodResolver(z.object({ body: reviewText() })) as unknown as Resolver<MessageValues>,
    defaultValues: { body: "" },
  });
  const { formError, pending, submit } = useServerAction<MessageValues>(
    (values) => postReviewerMessageAction(applicationId, values),
    { form: { setError, setFocus } },
  );
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-6 space-y-4">
      {formError && (
        <Alert variant="error" title="Le message n'a pas été envoyé" live>
          {formError}
        </Alert>
      )}
      <TemplatePicker id="message" templates={templates} onInsert={(text) => setValue("body", text, { shouldDirty: true })} />
      <TextArea
        id="body"
        label="Votre message à l'éditeur"
        hint="L'éditeur est prévenu par courriel. Texte simple, 5 000 caractères au plus."
        required
        rows={4}
        error={formState.errors.body?.message}
        {...register("body")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : "Envoyer le message"}
      </Button>
    </form>
  );
}
