// Pure: what the sign-up and organisation forms get back when the SIRET typed is looked up in the company register
// (issue 22 item 3, ADR 0049): the register's legal name and address to prefill, a French refusal to show next to the
// field (unknown or closed establishment), or nothing at all when the register cannot be asked (the form still works).
import { registerProblem, type RegisterLookup } from "./register";

export type RegisterPrefill =
  | { status: "found"; legalName: string; address: string }
  | { status: "problem"; message: string }
  | { status: "unavailable" };

export function registerPrefill(lookup: RegisterLookup): RegisterPrefill {
  const problem = registerProblem(lookup);
  if (problem) return { status: "problem", message: problem };
  if (lookup.status === "found") return { status: "found", legalName: lookup.establishment.legalName, address: lookup.establishment.address };
  return { status: "unavailable" };
}

/** Whether a typed SIRET is complete enough to be looked up (14 digits once spaces are gone). */
export function isCompleteSiret(typed: string): boolean {
  return /^\d{14}$/.test(typed.replace(/[\s.]/g, ""));
}
