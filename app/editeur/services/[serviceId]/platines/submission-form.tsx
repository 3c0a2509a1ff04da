"use client";

import { useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FileField } from "@/components/ui/FileField";
import { Fieldset } from "@/components/ui/Fieldset";
import { Radio } from "@/components/ui/Radio";
import { RequiredMark } from "@/components/ui/RequiredMark";
import { Select } from "@/components/ui/Select";
import { TextField } from "@/components/ui/TextField";
import { SESSION_TYPE_LABELS } from "@/lib/platines/evaluation";
import { fileSizeErrors, MAX_EVIDENCE_FILES, MAX_SUBMISSION_BYTES, SESSION_TYPES } from "@/lib/platines/submission-rules";
import { submitPlatinesAction, type PlatinesSubmissionState } from "./actions";

type Props = { serviceId: string; plans: { id: string; name: string }[]; today: string };

const FIELD_ORDER = ["planId", "sessionType", "sessionIdentifier", "ranOn", "report", "evidence"];

/**
 * Records a PLATINES session. The files go to a server action that checks everything before storing anything.
 * Only when the files together exceed what one request may carry does the browser stop them itself, with the same
 * messages, since such a request would not reach the server.
 */
export function PlatinesSubmissionForm({ serviceId, plans, today }: Props) {
  const [state, formAction, pending] = useActionState<PlatinesSubmissionState | null, FormData>(submitPlatinesAction, null);
  const [localErrors, setLocalErrors] = useState<Record<string, string> | null>(null);
  const serverErrors = state && !state.ok ? state.fieldErrors : {};
  const errors = localErrors ?? serverErrors;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const report = (form.elements.namedItem("report") as HTMLInputElement).files?.[0];
    const evidence = Array.from((form.elements.namedItem("evidence") as HTMLInputElement).files ?? []);
    const total = (report?.size ?? 0) + evidence.reduce((sum, file) => sum + file.size, 0);
    if (total > MAX_SUBMISSION_BYTES || evidence.length > MAX_EVIDENCE_FILES) {
      event.preventDefault();
      const found = fileSizeErrors(report ? { name: report.name, size: report.size } : null, evidence.map((f) => ({ name: f.name, size: f.size })));
      setLocalErrors(Object.keys(found).length > 0 ? found : { evidence: "Les fichiers choisis sont trop volumineux pour être envoyés ensemble." });
      const first = FIELD_ORDER.find((field) => found[field]) ?? "evidence";
      (form.elements.namedItem(first) as HTMLElement | null)?.focus();
      return;
    }
    setLocalErrors(null);
  }

  const formError = localErrors ? undefined : state && !state.ok ? state.formError : undefined;
  // After a refusal the form is drawn again with what was typed (React resets a form once its action ends).
  const values = state && !state.ok ? state.values : null;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" key={state ? `envoi-${state.attempt}` : "form"}>
      <input type="hidden" name="serviceId" value={serviceId} />
      {state?.ok && (
        <Alert variant={state.satisfied ? "success" : "warning"} title="Résultats enregistrés" live>
          {state.satisfied
            ? "La session d'homologation réussit tous les cas requis : le plan de tests est satisfait."
            : "La session est enregistrée, mais elle ne satisfait pas le plan de tests : consultez le détail ci-dessous."}
        </Alert>
      )}
      {(formError || Object.keys(errors).length > 0) && !state?.ok && (
        <Alert variant="error" title="Les résultats n'ont pas été enregistrés" live>
          {formError ?? "Corrigez les champs signalés : rien n'a été enregistré."}
        </Alert>
      )}
      <Select id="planId" name="planId" label="Plan de tests exécuté" required error={errors.planId} defaultValue={values?.planId ?? (plans.length === 1 ? plans[0]!.id : "")}>
        <option value="">Choisissez un plan</option>
        {plans.map((plan) => (
          <option key={plan.id} value={plan.id}>
            {plan.name}
          </option>
        ))}
      </Select>
      <Fieldset id="sessionType" legend="Type de session" required error={errors.sessionType} hint="Seule une session d'homologation peut satisfaire un plan de tests.">
        {SESSION_TYPES.map((type) => (
          <Radio key={type} id={`sessionType-${type}`} name="sessionType" value={type} label={SESSION_TYPE_LABELS[type][0]!.toUpperCase() + SESSION_TYPE_LABELS[type].slice(1)} defaultChecked={type === (values?.sessionType || "CERTIFICATION")} />
        ))}
      </Fieldset>
      <TextField id="sessionIdentifier" name="sessionIdentifier" label="Identifiant de la session PLATINES" hint="Tel qu'affiché par PLATINES, 100 caractères au plus." required error={errors.sessionIdentifier} autoComplete="off" defaultValue={values?.sessionIdentifier} />
      <TextField id="ranOn" name="ranOn" type="date" label="Date d'exécution" hint="Le jour où la session a été exécutée, au plus tard aujourd'hui." required max={today} error={errors.ranOn} defaultValue={values?.ranOn} />
      <FileField
        id="report"
        name="report"
        label={
          <>
            Rapport JUnit
            <RequiredMark />
          </>
        }
        hint="Le rapport au format XML produit par la session (testsuites / testcase), 5 Mio au plus."
        accept=".xml,application/xml,text/xml"
        aria-required="true"
        error={errors.report}
      />
      <FileField
        id="evidence"
        name="evidence"
        label="Pièces justificatives (facultatif)"
        hint={`L'archive des journaux, un PDF ou une capture d'écran de la page de résultats : ${MAX_EVIDENCE_FILES} fichiers au plus, 20 Mio chacun.`}
        multiple
        error={errors.evidence}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Vérification…" : "Vérifier et enregistrer les résultats"}
      </Button>
    </form>
  );
}
