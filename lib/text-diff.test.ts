import { describe, expect, it } from "vitest";
import { splitLongTokens, wordDiff } from "./text-diff";

const marked = (parts: { text: string; changed: boolean }[]) => parts.filter((p) => p.changed).map((p) => p.text);
const whole = (parts: { text: string }[]) => parts.map((p) => p.text).join("");

describe("a word diff", () => {
  it("marks only the words that changed, accents included, never part of a word", () => {
    const diff = wordDiff("Accès aux données restreintes du ROR.", "Accès aux données très restreintes du ROR.");
    expect(marked(diff.before)).toEqual([]);
    expect(marked(diff.after).map((t) => t.trim())).toEqual(["très"]);
    expect(whole(diff.after)).toBe("Accès aux données très restreintes du ROR.");
  });

  it("shows a replaced word as removed before and added after", () => {
    const diff = wordDiff("Environnement de test", "Environnement de production");
    expect(marked(diff.before)).toEqual(["test"]);
    expect(marked(diff.after)).toEqual(["production"]);
    expect(whole(diff.before)).toBe("Environnement de test");
  });

  it("keeps a hyphenated issuer whole", () => {
    const diff = wordDiff("O=ASIP-SANTE, C=FR", "O=ASIP-SANTÉ, C=FR");
    expect(marked(diff.before).join("")).toMatch(/SANTE/);
    expect(marked(diff.after).join("")).toMatch(/SANTÉ/);
    for (const part of [...diff.before, ...diff.after]) expect(part.text).not.toMatch(/^[A-ZÉ]$/);
  });

  it("gives up on texts with nothing in common, shown wholly changed", () => {
    const before = Array.from({ length: 400 }, (_, i) => `mot${i}`).join(" ");
    const after = Array.from({ length: 400 }, (_, i) => `autre${i}`).join(" ");
    expect(wordDiff(before, after)).toEqual({ before: [{ text: before, changed: true }], after: [{ text: after, changed: true }] });
  });
});

describe("long tokens", () => {
  it("are set apart so that only they may break", () => {
    const fingerprint = "A1".repeat(32);
    expect(splitLongTokens(`CN=Service, empreinte ${fingerprint} (test)`)).toEqual(["CN=Service, empreinte ", fingerprint, " (test)"]);
    expect(splitLongTokens("données restreintes")).toEqual(["données restreintes"]);
  });
});
