import { describe, expect, it } from "vitest";
import { contentDisposition, safeFileName } from "./content-disposition";

describe("safeFileName", () => {
  it("drops folders, quotes and control characters", () => {
    expect(safeFileName("../../etc/pa\"ss\r\nwd.pdf")).toBe("passwd.pdf");
    expect(safeFileName("C:\\Users\\x\\rapport.xml")).toBe("rapport.xml");
  });
  it("falls back when nothing is left", () => {
    expect(safeFileName("..")).toBe("document");
    expect(safeFileName("  ", "rapport.xml")).toBe("rapport.xml");
  });
  it("shortens long names and keeps the extension", () => {
    const name = safeFileName(`${"a".repeat(400)}.pdf`);
    expect(name).toHaveLength(150);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("Attestation client – Hôpital d'Été.pdf")).toBe(
      "attachment; filename=\"Attestation client _ Hopital d'Ete.pdf\"; filename*=UTF-8''Attestation%20client%20%E2%80%93%20H%C3%B4pital%20d%27%C3%89t%C3%A9.pdf",
    );
  });
  it("can ask for inline display", () => {
    expect(contentDisposition("a.pdf", "inline")).toMatch(/^inline; filename="a.pdf"/);
  });
});
