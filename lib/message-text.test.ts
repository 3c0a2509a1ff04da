import { describe, expect, it } from "vitest";
import { MESSAGE_TEXT_MESSAGES, reviewText } from "./message-text";

const schema = reviewText("Indiquez le motif.");
const errorOf = (value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("a review text", () => {
  it("is trimmed, with line breaks normalised", () => {
    expect(schema.parse("  Bonjour,\r\nmerci.  ")).toBe("Bonjour,\nmerci.");
  });

  it("keeps accents, quotes, ampersands and a lone '<' as typed", () => {
    const text = `Le quota < 10 appels & "guillemets" ; l'équipe répond -> demain.`;
    expect(schema.parse(text)).toBe(text);
  });

  it("accepts exactly 5,000 characters and refuses 5,001 and 100,000", () => {
    expect(schema.parse("é".repeat(5000))).toHaveLength(5000);
    expect(errorOf("a".repeat(5001))).toBe("Le message ne peut pas dépasser 5\u202f000 caractères.");
    expect(errorOf("a".repeat(100_000))).toBe(MESSAGE_TEXT_MESSAGES.tooLong);
  });

  it("refuses blank texts with the form's own message", () => {
    expect(errorOf("")).toBe("Indiquez le motif.");
    expect(errorOf(" \n\t ")).toBe("Indiquez le motif.");
    expect(errorOf(undefined)).toBe("Indiquez le motif.");
    expect(errorOf(42)).toBe("Indiquez le motif.");
  });

  it.each([
    `<script>alert("xss")</script>`,
    `Bonjour <img src=x onerror=alert(1)>`,
    `<a href="javascript:alert(1)">cliquez</a>`,
    `</textarea><svg onload=alert(1)>`,
    `<!-- commentaire -->`,
    `<SCRIPT SRC=//exemple.fr/x.js></SCRIPT>`,
  ])("refuses HTML markup: %s", (text) => {
    expect(errorOf(text)).toBe(MESSAGE_TEXT_MESSAGES.markup);
  });

  it("refuses invisible control characters but keeps tabs and line breaks", () => {
    expect(errorOf("a\u0000b")).toBe(MESSAGE_TEXT_MESSAGES.control);
    expect(errorOf("a\u001bb")).toBe(MESSAGE_TEXT_MESSAGES.control);
    expect(schema.parse("a\tb\nc")).toBe("a\tb\nc");
  });
});
