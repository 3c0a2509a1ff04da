"use client";

import { useEffect, useState } from "react";
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, SCORE_LABELS, type PasswordScore } from "@/lib/accounts/password-rules";
import type { PasswordAssessment } from "@/lib/accounts/password-strength";

type Checker = typeof import("@/lib/accounts/password-strength");

// The dictionaries weigh a few megabytes: loaded once, the first time someone types a password (ADR 0021).
let loading: Promise<Checker> | undefined;
const loadChecker = () => (loading ??= import("@/lib/accounts/password-strength"));

const BAR_COLOURS: Record<PasswordScore, string> = {
  0: "bg-error",
  1: "bg-error",
  2: "bg-warning",
  3: "bg-success",
  4: "bg-success",
};

/**
 * The strength of the password being typed, with the same rules the server applies: four bars, a word, and zxcvbn's
 * French advice. Text, not colour, carries the meaning; it is announced politely, after typing pauses.
 */
export function PasswordStrengthMeter({ id, password, userInputs = [] }: { id: string; password: string; userInputs?: readonly string[] }) {
  const [assessment, setAssessment] = useState<PasswordAssessment | null>(null);
  const inputsKey = userInputs.join("\n");

  useEffect(() => {
    if (!password) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void loadChecker().then(({ assessPassword }) => {
        if (!cancelled) setAssessment(assessPassword(password, inputsKey ? inputsKey.split("\n") : []));
      });
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [password, inputsKey]);

  const shown = password ? assessment : null;
  const score = shown?.score ?? 0;
  const tooShort = password.length > 0 && password.length < MIN_PASSWORD_LENGTH;
  return (
    <div id={id} className="mt-2 space-y-1" data-testid="robustesse-mot-de-passe">
      <div aria-hidden="true" className="grid max-w-md grid-cols-4 gap-1">
        {[1, 2, 3, 4].map((bar) => (
          <span key={bar} className={`h-1.5 ${shown && score >= bar ? BAR_COLOURS[score] : "bg-grey-200"}`} />
        ))}
      </div>
      <p aria-live="polite" className="text-sm text-grey-800">
        {!shown ? (
          "Robustesse du mot de passe : saisissez-le pour l'évaluer."
        ) : (
          <>
            <span className="font-semibold">Robustesse du mot de passe : {SCORE_LABELS[score]}.</span>{" "}
            {tooShort
              ? `Encore ${MIN_PASSWORD_LENGTH - password.length} caractère${MIN_PASSWORD_LENGTH - password.length > 1 ? "s" : ""} au moins.`
              : shown.acceptable
                ? "Ce mot de passe sera accepté."
                : (shown.problem ?? `Il faut une robustesse « ${SCORE_LABELS[MIN_PASSWORD_SCORE as PasswordScore]} » au moins.`)}
          </>
        )}
      </p>
    </div>
  );
}
