import { describe, expect, it } from "vitest";
import { MESSAGE_MAX_LENGTH } from "../message-text";
import { messageTemplateSchema, placeholderProblems, renderTemplate, TEMPLATE_MESSAGES } from "./message-templates";

const errorOf = (input: unknown) => {
  const parsed = messageTemplateSchema.safeParse(input);
  return parsed.success ? null : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

const values = {
  service: "Orientation Plus",
  organisation: "Santé Numérique SAS",
  siret: "901 234 567 00013",
  profil: "2 — Données restreintes",
  instructeur: "Inès Tructeur",
  date: "2 décembre 2026",
};

describe("message templates", () => {
  it("accept plain French text with known placeholders, and fill them in", () => {
    const body = "Bonjour,\r\n\r\nLe dossier du service « {service} » ({organisation}, SIRET {siret}) demande le profil {profil}.\nCordialement,\n{instructeur}, le {date}";
    const parsed = messageTemplateSchema.parse({ title: "  Pièce   manquante ", body });
    expect(parsed.title).toBe("Pièce manquante");
    expect(renderTemplate(parsed.body, values)).toBe(
      "Bonjour,\n\nLe dossier du service « Orientation Plus » (Santé Numérique SAS, SIRET 901 234 567 00013) demande le profil 2 — Données restreintes.\nCordialement,\nInès Tructeur, le 2 décembre 2026",
    );
    // A lone "<" stays allowed, as in every review text.
    expect(errorOf({ title: "Quotas", body: "Un quota < 10 appels par seconde suffit pour {service}." })).toBeNull();
  });

  it.each([
    ["<b>Important</b> : {service}", TEMPLATE_MESSAGES.markup],
    ['Voir <a href="https://exemple.fr">ici</a>', TEMPLATE_MESSAGES.markup],
    ["<script>alert(1)</script>", TEMPLATE_MESSAGES.markup],
    ["Avant <!-- commentaire --> après", TEMPLATE_MESSAGES.markup],
    ["<?xml version='1.0'?>", TEMPLATE_MESSAGES.markup],
    ["Bonjour {prenom}, votre {service}", "Variable inconnue : {prenom}. Variables possibles : {service}, {organisation}, {siret}, {profil}, {instructeur}, {date}."],
    ["{Service} et {  service } et {}", "Variables inconnues : {Service}, {  service }, {}. Variables possibles : {service}, {organisation}, {siret}, {profil}, {instructeur}, {date}."],
    ["Bonjour {service", TEMPLATE_MESSAGES.strayBrace],
    ["Bonjour service}", TEMPLATE_MESSAGES.strayBrace],
    ["{{service}}", TEMPLATE_MESSAGES.strayBrace],
    ["   ", TEMPLATE_MESSAGES.bodyEmpty],
    ["x".repeat(MESSAGE_MAX_LENGTH + 1), TEMPLATE_MESSAGES.bodyTooLong],
    ["Bonjour\u0007", TEMPLATE_MESSAGES.control],
  ])("refuse the body %j with a French message", (body, message) => {
    expect(errorOf({ title: "Titre", body })).toEqual({ body: message });
  });

  it("refuse an empty, long or marked-up title, and what is not text", () => {
    expect(errorOf({ title: " ", body: "Texte" })).toEqual({ title: TEMPLATE_MESSAGES.titleEmpty });
    expect(errorOf({ title: "t".repeat(121), body: "Texte" })).toEqual({ title: TEMPLATE_MESSAGES.titleTooLong });
    expect(errorOf({ title: "<i>Titre</i>", body: "Texte" })).toEqual({ title: TEMPLATE_MESSAGES.markup });
    expect(errorOf({ title: 42, body: ["x"] })).toEqual({ title: TEMPLATE_MESSAGES.titleEmpty, body: TEMPLATE_MESSAGES.bodyEmpty });
  });

  it("find unknown placeholders and stray braces", () => {
    expect(placeholderProblems("{service} {date}")).toEqual({ unknown: [], strayBrace: false });
    expect(placeholderProblems("{x} {x} }")).toEqual({ unknown: ["x"], strayBrace: true });
  });
});
