import { describe, expect, it } from "vitest";
import { announcedPercent, filesLabel, refusalOf, UPLOAD_OUTCOME_MESSAGES } from "./upload-answer";
import { declaredLengthRefusal, formatBytes, maxBodyBytes } from "./upload-rules";
import { PLATINES_UPLOAD, VERIFICATION_UPLOAD } from "./upload-kinds";

describe("upload answers", () => {
  it("put a problem's field errors next to the fields, its detail as the form's error otherwise", () => {
    const field = { kind: "answer", status: 413, body: { status: 413, detail: "Trop gros.", fieldErrors: { evidence: "La pièce est trop grosse." } } } as const;
    expect(refusalOf(field)).toEqual({ ok: false, fieldErrors: { evidence: "La pièce est trop grosse." }, formError: undefined });
    expect(refusalOf({ kind: "answer", status: 429, body: { status: 429, detail: "Trop de demandes." } })).toEqual({ ok: false, fieldErrors: {}, formError: "Trop de demandes." });
    expect(refusalOf({ kind: "answer", status: 502, body: null })?.formError).toBe(UPLOAD_OUTCOME_MESSAGES.unreadable);
    expect(refusalOf({ kind: "cancelled" })?.formError).toBe(UPLOAD_OUTCOME_MESSAGES.cancelled);
    expect(refusalOf({ kind: "failed" })?.formError).toBe(UPLOAD_OUTCOME_MESSAGES.failed);
    expect(refusalOf({ kind: "answer", status: 200, body: { ok: true } })).toBeNull();
  });

  it("name what is sent and tell screen readers every quarter", () => {
    expect(filesLabel(["rapport.xml"])).toBe("rapport.xml");
    expect(filesLabel(["rapport.xml", "a.pdf"])).toBe("rapport.xml et 1 autre fichier");
    expect(filesLabel(["rapport.xml", "a.pdf", "b.zip"])).toBe("rapport.xml et 2 autres fichiers");
    expect([0, 24, 25, 74, 99, 100].map(announcedPercent)).toEqual([0, 0, 25, 50, 75, 100]);
  });
});

describe("upload caps", () => {
  it("derive a whole-body cap from each kind's files and text", () => {
    expect(maxBodyBytes(VERIFICATION_UPLOAD)).toBeGreaterThan(10 * 1024 * 1024);
    expect(maxBodyBytes(VERIFICATION_UPLOAD)).toBeLessThan(10 * 1024 * 1024 + 64 * 1024);
    expect(maxBodyBytes(PLATINES_UPLOAD)).toBeLessThan(66 * 1024 * 1024);
    expect(formatBytes(maxBodyBytes(PLATINES_UPLOAD))).toBe("65 Mio");
  });

  it("read the announced length before any byte", () => {
    expect(declaredLengthRefusal(null, 100)).toBeNull();
    expect(declaredLengthRefusal("100", 100)).toBeNull();
    expect(declaredLengthRefusal("101", 100)?.status).toBe(413);
    expect(declaredLengthRefusal("-1", 100)?.status).toBe(400);
    expect(declaredLengthRefusal("80000000", 100)?.message).toMatch(/^L'envoi dépasse 100 octets/);
  });
});
