import { z } from "zod";
import { MESSAGE_MAX_LENGTH, MESSAGE_TEXT_MESSAGES } from "../message-text";

// Pure: the message templates that administrators write and reviewers insert into a message or a request for
// changes, then edit (ADR 0035). Plain text, like every review text; placeholders in braces, such as {service},
// are replaced by the dossier's values when the reviewer inserts the template. Markup and unknown placeholders are
// refused when the template is saved, so that what a reviewer inserts is always a text they can send.

export const TEMPLATE_PLACEHOLDERS = {
  service: "le nom du service numérique",
  organisation: "la raison sociale de l'organisation",
  siret: "le SIRET de l'organisation",
  profil: "le profil d'accès demandé (code et libellé)",
  instructeur: "le nom de l'instructeur qui insère le modèle",
  date: "la date du jour",
} as const;
export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;
export const TEMPLATE_PLACEHOLDER_NAMES = Object.keys(TEMPLATE_PLACEHOLDERS) as TemplatePlaceholder[];

export const TEMPLATE_TITLE_MAX_LENGTH = 120;

const list = TEMPLATE_PLACEHOLDER_NAMES.map((name) => `{${name}}`).join(", ");

export const TEMPLATE_MESSAGES = {
  titleEmpty: "Donnez un titre au modèle.",
  titleTooLong: `Le titre ne peut pas dépasser ${TEMPLATE_TITLE_MAX_LENGTH} caractères.`,
  titleTaken: "Un autre modèle porte déjà ce titre : choisissez-en un autre.",
  bodyEmpty: "Écrivez le texte du modèle.",
  bodyTooLong: `Le modèle ne peut pas dépasser ${MESSAGE_MAX_LENGTH.toLocaleString("fr-FR")} caractères.`,
  markup: "Le modèle ne peut pas contenir de balises (comme <b>, <a href> ou <script>) : écrivez du texte simple.",
  control: MESSAGE_TEXT_MESSAGES.control,
  unknownPlaceholder: (names: string[]) =>
    `${names.length > 1 ? "Variables inconnues" : "Variable inconnue"} : ${names.map((n) => `{${n}}`).join(", ")}. Variables possibles : ${list}.`,
  strayBrace: `Une accolade n'encadre pas de variable : écrivez les variables entre accolades, sans espace, parmi ${list}.`,
} as const;

/** An HTML or XML tag, comment or declaration: "<" directly followed by a letter, "/", "!" or "?". */
const MARKUP = /<[!/?]?[a-z][^<>]*>|<!--|<\?/i;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders a body uses that are not known, and whether a brace stands alone (outside `{name}`). */
export function placeholderProblems(body: string): { unknown: string[]; strayBrace: boolean } {
  const unknown = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!(TEMPLATE_PLACEHOLDER_NAMES as string[]).includes(name)) unknown.add(name);
  }
  const rest = body.replace(PLACEHOLDER, "");
  return { unknown: [...unknown], strayBrace: /[{}]/.test(rest) };
}

const title = z
  .string({ error: TEMPLATE_MESSAGES.titleEmpty })
  .transform((s) => s.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, TEMPLATE_MESSAGES.titleEmpty)
      .max(TEMPLATE_TITLE_MAX_LENGTH, TEMPLATE_MESSAGES.titleTooLong)
      .refine((s) => !MARKUP.test(s), TEMPLATE_MESSAGES.markup)
      .refine((s) => !CONTROL.test(s), TEMPLATE_MESSAGES.control),
  );

const body = z
  .string({ error: TEMPLATE_MESSAGES.bodyEmpty })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, TEMPLATE_MESSAGES.bodyEmpty)
      .max(MESSAGE_MAX_LENGTH, TEMPLATE_MESSAGES.bodyTooLong)
      .refine((s) => !MARKUP.test(s), TEMPLATE_MESSAGES.markup)
      .refine((s) => !CONTROL.test(s), TEMPLATE_MESSAGES.control)
      .superRefine((s, ctx) => {
        const problems = placeholderProblems(s);
        if (problems.unknown.length > 0) ctx.addIssue({ code: "custom", message: TEMPLATE_MESSAGES.unknownPlaceholder(problems.unknown) });
        else if (problems.strayBrace) ctx.addIssue({ code: "custom", message: TEMPLATE_MESSAGES.strayBrace });
      }),
  );

/** The form of a template (the id and version of an edited one are checked by the use cases). */
export const messageTemplateSchema = z.object({ title, body });
export type MessageTemplateInput = z.output<typeof messageTemplateSchema>;

export type TemplateValues = Record<TemplatePlaceholder, string>;

/** The body with each placeholder replaced by its value: what the reviewer's field receives, to edit before sending. */
export function renderTemplate(body: string, values: TemplateValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => ((TEMPLATE_PLACEHOLDER_NAMES as string[]).includes(name) ? values[name as TemplatePlaceholder] : whole));
}
