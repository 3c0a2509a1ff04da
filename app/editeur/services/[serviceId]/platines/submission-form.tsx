"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState, type FormEvent } from "react";
import { useUpload } from "@/components/forms/use-upload";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FileField } from "@/components/ui/FileField";
import { Fieldset } from "@/components/ui/Fieldset";
import { Radio } from "@/components/ui/Radio";
import { RequiredMark } from "@/components/ui/RequiredMark";
import { Select } from "@/components/ui/Select";
import { TextField } from "@/components/ui/TextField";
import { UploadProgress } from "@/components/ui/UploadProgress";
import { SESSION_TYPE_LABELS } from "@/lib/platines/evaluation";
import { fileSizeErrors, MAX_EVIDENCE_FILES, SESSION_TYPES } from "@/lib/platines/submission-rules";
import { filesLabel, refusalOf } from "@/lib/uploads/upload-answer";
import { submitPlatinesAction, type PlatinesSubmissionState } from "./actions";

type Props = { serviceId: string; plans: { id: string; name: string }[]; today: string };

const FIELD_ORDER = ["planId", "sessionType", "sessionIdentifier", "ranOn", "report", "evidence"];

/**
 * Records a PLATINES session. With JavaScript the fields and files go to POST /api/services/<id>/platines with a
 * progress bar (ADR 0026), after the browser has checked the files' sizes with the server's messages; the server
 * checks everything again before storing anything. Without JavaScript the form posts to the server action, within
 * the small server-action body limit.
 */
export function PlatinesSubmissionForm({ serviceId, plans, today }: Props) {
  const router = useRouter();
  const [actionState, formAction, actionPending] = useActionState<PlatinesSubmissionState | null, FormData>(submitPlatinesAction, null);
  const [sent, setSent] = useState<PlatinesSubmissionState | null>(null);
  // Drawn anew (emptied) after each recorded session, never after a refusal: what was typed and chosen stays.
  const [recorded, setRecorded] = useState(0);
  const upload = useUpload();
  const state = sent ?? actionState;
  const pending = actionPending || upload.busy;
  const [localErrors, setLocalErrors] = useState<Record<string, string> | null>(null);
  const serverErrors = state && !state.ok ? state.fieldErrors : {};
  const errors = localErrors ?? serverErrors;

  function focusFirstError(form: HTMLFormElement, found: Record<string, string>) {
    const first = FIELD_ORDER.find((field) => found[field]);
    const element = first ? form.elements.namedItem(first) : null;
    // A radio group comes back as a list: focus its first radio.
    (element instanceof RadioNodeList ? (element[0] as HTMLElement | undefined) : (element as HTMLElement | null))?.focus();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const report = (form.elements.namedItem("report") as HTMLInputElement).files?.[0];
    const evidence = Array.from((form.elements.namedItem("evidence") as HTMLInputElement).files ?? []);
    // The evidence files' sizes and count first, in the browser: up to 60 Mio the server would refuse are not even
    // sent. The report (5 Mio at most) is left to the server, which stops an oversized one with the same message and
    // reports a missing one with every other field.
    const found = fileSizeErrors(report ? { name: report.name, size: report.size } : null, evidence.map((f) => ({ name: f.name, size: f.size })));
    delete found.report;
    if (Object.keys(found).length > 0) {
      setLocalErrors(found);
      focusFirstError(form, found);
      return;
    }
    setLocalErrors(null);
    setSent(null);
    const body = new FormData();
    for (const name of ["planId", "sessionType", "sessionIdentifier", "ranOn"]) {
      const value = new FormData(form).get(name);
      if (typeof value === "string") body.set(name, value);
    }
    if (report) body.set("report", report);
    for (const file of evidence) body.append("evidence", file);
    const files = [report, ...evidence].filter((file) => file !== undefined);
    const attempt = Date.now();
    const values = { planId: String(body.get("planId") ?? ""), sessionType: String(body.get("sessionType") ?? ""), sessionIdentifier: String(body.get("sessionIdentifier") ?? ""), ranOn: String(body.get("ranOn") ?? "") };
    void upload
      .send(`/api/services/${encodeURIComponent(serviceId)}/platines`, body, { label: filesLabel(files.map((f) => f.name)), fileBytes: files.reduce((sum, f) => sum + f.size, 0) })
      .then((outcome) => {
        const refused = refusalOf(outcome);
        if (refused) {
          setSent({ ...refused, values, attempt });
          if (Object.keys(refused.fieldErrors).length > 0) focusFirstError(form, refused.fieldErrors);
          return;
        }
        const answer = (outcome as { body: { satisfied?: unknown } }).body;
        setSent({ ok: true, satisfied: answer.satisfied === true, attempt });
        setRecorded((count) => count + 1);
        router.refresh();
      });
  }

  const formError = localErrors ? undefined : state && !state.ok ? state.formError : undefined;
  // After a refusal of a post without JavaScript the form is drawn again with what was typed (React resets a form
  // once its action ends); a refusal of the upload leaves the form as it was, files included.
  const values = actionState && !actionState.ok && !sent ? actionState.values : null;
  const formKey = `envoi-${recorded}-${actionState?.attempt ?? 0}`;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" key={formKey}>
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
      {upload.progress ? <UploadProgress {...upload.progress} onCancel={upload.cancel} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Vérification…" : "Vérifier et enregistrer les résultats"}
      </Button>
    </form>
  );
}
