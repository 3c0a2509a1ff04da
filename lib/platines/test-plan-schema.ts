// The form of a PLATINES test plan, as ANS administrators edit it. Pure: shared by the form (client-side checks)
// and the use cases (the server's word). Required cases are typed one per line, "identifier — title".
import { z } from "zod";
import type { RequiredCase } from "./evaluation";

export const MAX_REQUIRED_CASES = 500;
export const MAX_IDENTIFIER_CHARS = 64;
export const MAX_CASE_TITLE_CHARS = 300;
/** Identifiers are matched against test case names without case, so they are plain ASCII tokens. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** The identifier ends at the first dash (em, en or hyphen) surrounded by spaces, a tab, or a colon. */
const SEPARATOR = /\s+[—–-]\s+|\t+|\s*:\s+/;

export const EXAMPLE_PLAN_BADGE = "Exemple — à remplacer par la liste officielle de l'ANS";

export const ROR_API_CODES = ["FHIR", "LEGACY_WEB_SERVICES"] as const;
export type PlanApi = (typeof ROR_API_CODES)[number];

export type RequiredCasesResult = { ok: true; cases: RequiredCase[] } | { ok: false; error: string };

/** Reads the "identifier — title" lines; blank lines are ignored. The first problem found is reported with its line. */
export function parseRequiredCases(text: string): RequiredCasesResult {
  const cases: RequiredCase[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const at = `Ligne ${index + 1}`;
    const separator = SEPARATOR.exec(line);
    if (!separator || separator.index === 0) {
      return { ok: false, error: `${at} : écrivez l'identifiant, un tiret entouré d'espaces, puis l'intitulé (par exemple « FHIR-ORG-01 — Recherche d'Organization »).` };
    }
    const identifier = line.slice(0, separator.index).trim();
    const title = line.slice(separator.index + separator[0].length).trim();
    if (identifier.length > MAX_IDENTIFIER_CHARS) {
      return { ok: false, error: `${at} : l'identifiant « ${identifier.slice(0, 20)}… » dépasse ${MAX_IDENTIFIER_CHARS} caractères.` };
    }
    if (!IDENTIFIER.test(identifier)) {
      return {
        ok: false,
        error: `${at} : l'identifiant « ${identifier} » ne peut contenir que des lettres sans accent, des chiffres, des points, des tirets et des tirets bas, et commence par une lettre ou un chiffre.`,
      };
    }
    if (title === "") return { ok: false, error: `${at} : l'intitulé du cas « ${identifier} » est vide.` };
    if (title.length > MAX_CASE_TITLE_CHARS) return { ok: false, error: `${at} : l'intitulé dépasse ${MAX_CASE_TITLE_CHARS} caractères.` };
    const key = identifier.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      return { ok: false, error: `${at} : l'identifiant « ${identifier} » est déjà utilisé ligne ${first} (les identifiants sont comparés sans tenir compte des majuscules).` };
    }
    seen.set(key, index + 1);
    cases.push({ identifier, title });
  }
  if (cases.length === 0) return { ok: false, error: "Saisissez au moins un cas de test requis, un par ligne." };
  if (cases.length > MAX_REQUIRED_CASES) return { ok: false, error: `Un plan ne peut pas compter plus de ${MAX_REQUIRED_CASES} cas de test requis.` };
  return { ok: true, cases };
}

/** The text shown in the form for existing cases: the inverse of parseRequiredCases. */
export function formatRequiredCases(cases: readonly RequiredCase[]): string {
  return cases.map((c) => `${c.identifier} — ${c.title}`).join("\n");
}

const text = (missing: string, label: string, max: number) =>
  z.string().trim().min(1, missing).max(max, `${label} ne peut pas dépasser ${max} caractères.`);

export const testPlanFormSchema = z.object({
  name: text("Saisissez le nom du plan de tests.", "Le nom", 200),
  api: z.enum(ROR_API_CODES, { error: "Choisissez l'API couverte par le plan." }),
  description: text("Saisissez la description du plan.", "La description", 4000),
  profileIds: z
    .array(z.string().uuid("Profil d'accès inconnu."), { error: "Cochez au moins un profil d'accès." })
    .min(1, "Cochez au moins un profil d'accès auquel le plan s'applique."),
  cases: z.string().superRefine((value, context) => {
    const parsed = parseRequiredCases(value);
    if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.error });
  }),
  active: z.boolean(),
});

export const updateTestPlanSchema = testPlanFormSchema.extend({
  version: z.number({ error: "Version du plan manquante : rechargez la page." }).int().min(1),
});

export type TestPlanFormValues = z.input<typeof testPlanFormSchema>;
