"use client";

import { useEffect, useRef } from "react";
import type { FormResult } from "@/lib/form-result";
import { isCompleteSiret, type RegisterPrefill } from "@/lib/organizations/register-prefill";

type Target = {
  /** Fills a field the person has not typed in yet. */
  prefill(field: "legalName" | "address", value: string): void;
  showSiretProblem(message: string): void;
  clearSiretProblem(): void;
};

/**
 * Once the SIRET typed is complete, asks the register (ADR 0049) and prefills the legal name and address, or shows
 * why the establishment is refused next to the field. A register that cannot be asked changes nothing.
 */
export function useRegisterPrefill(siret: string, lookUp: (siret: string) => Promise<RegisterPrefill | FormResult>, target: Target) {
  const asked = useRef<string | null>(null);
  const latest = useRef(target);
  useEffect(() => {
    latest.current = target;
  });
  useEffect(() => {
    const typed = (siret ?? "").replace(/[\s.]/g, "");
    if (!isCompleteSiret(typed) || asked.current === typed) return;
    asked.current = typed;
    let current = true;
    lookUp(typed)
      .then((answer) => {
        if (!current || !answer || typeof answer !== "object" || !("status" in answer)) return;
        if (answer.status === "found") {
          latest.current.clearSiretProblem();
          if (answer.legalName) latest.current.prefill("legalName", answer.legalName);
          if (answer.address) latest.current.prefill("address", answer.address);
        } else if (answer.status === "problem") {
          latest.current.showSiretProblem(answer.message);
        }
      })
      .catch(() => {
        // The register is a convenience: the form works without it.
      });
    return () => {
      current = false;
    };
  }, [siret, lookUp]);
}
