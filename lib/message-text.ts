import { z } from "zod";

// Pure: the free texts of the review (messages of the thread, requests for changes, reasons of refusal,
// suspension or revocation). They are plain text: stored as typed, shown by React as text (escaped), sent in
// plain-text mail. HTML markup is refused outright, with a clear message, so that nobody is tempted to paste a
// page or a script and nothing of the kind is ever stored; a lone "<" (as in "quota < 10") stays allowed.

export const MESSAGE_MAX_LENGTH = 5000;

export const MESSAGE_TEXT_MESSAGES = {
  empty: "Écrivez votre message.",
  tooLong: `Le message ne peut pas dépasser ${MESSAGE_MAX_LENGTH.toLocaleString("fr-FR")} caractères.`,
  markup: "Le message ne peut pas contenir de balises HTML (comme <script> ou <img>) : écrivez du texte simple.",
  control: "Le message contient des caractères invisibles non autorisés.",
} as const;

/** An HTML tag or comment: "<" directly followed by a letter, "/" or "!". */
const HTML_TAG = /<[!/]?[a-z][^<>]*>|<!--/i;
/** Control characters other than tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A review text; `empty` is the message to show when it is blank (each form says what is expected). */
export function reviewText(empty: string = MESSAGE_TEXT_MESSAGES.empty) {
  return z
    .string({ error: empty })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, empty)
        .max(MESSAGE_MAX_LENGTH, MESSAGE_TEXT_MESSAGES.tooLong)
        .refine((s) => !HTML_TAG.test(s), MESSAGE_TEXT_MESSAGES.markup)
        .refine((s) => !CONTROL.test(s), MESSAGE_TEXT_MESSAGES.control),
    );
}
