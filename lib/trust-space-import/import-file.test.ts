import { describe, expect, it } from "vitest";
import { readImportFile } from "./import-file";

const HEADER = "siret;raison_sociale;service;environnement;url;certificat_pem;profil;quota_authentifie;quota_public";
const bytes = (text: string) => new TextEncoder().encode(text);

describe("the import file", () => {
  it("reads a semicolon file with a BOM, and gives each line its spreadsheet number", () => {
    const read = readImportFile(bytes(`\uFEFF${HEADER}\n73282932000074;Éditeur;Annuaire;test;https://a.example.fr;;0;;\n`));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.lines).toHaveLength(1);
    expect(read.lines[0]).toMatchObject({ ok: true, line: { lineNumber: 2, siret: "73282932000074", environment: "TEST", certificate: null, quotas: { authenticatedPerSecond: null } } });
  });

  it("refuses a file without the documented columns, empty, or not UTF-8", () => {
    expect(readImportFile(bytes("a,b\n1,2"))).toMatchObject({ ok: false, problem: expect.stringMatching(/^Colonnes absentes/) });
    expect(readImportFile(new Uint8Array())).toMatchObject({ ok: false });
    expect(readImportFile(new Uint8Array([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false, problem: "Le fichier n'est pas en UTF-8." });
  });

  it("says why a line cannot be taken", () => {
    const read = readImportFile(
      bytes(
        [
          HEADER,
          "12345678901234;X;Service;TEST;https://a.example.fr;;0;;",
          "73282932000074;Éditeur;Service;RECETTE;https://a.example.fr;;0;;",
          "73282932000074;Éditeur;Service;TEST;http://a.example.fr;;0;;",
          "73282932000074;Éditeur;Service;TEST;https://a.example.fr;pas un certificat;2;;",
          "73282932000074;Éditeur;Service;TEST;https://a.example.fr;;0;0;",
          "73282932000074;Éditeur;Service;TEST;https://127.0.0.1/ror;;0;;",
          "73282932000074;Éditeur;Service;TEST;https://a.example.fr/ror?token=1;;0;;",
        ].join("\n"),
      ),
    );
    if (!read.ok) throw new Error(read.problem);
    const reasons = read.lines.map((l) => (l.ok ? null : l.reason));
    expect(reasons[0]).toMatch(/^SIRET invalide/);
    expect(reasons[1]).toMatch(/TEST ou PRODUCTION/);
    expect(reasons[2]).toMatch(/https/);
    expect(reasons[3]).toMatch(/^Certificat illisible/);
    expect(reasons[4]).toMatch(/^Quota authentifié/);
    // The rules of a URL an editor types: no IP address, no query string.
    expect(reasons[5]).toMatch(/^URL du service : .*adresse IP/);
    expect(reasons[6]).toMatch(/^URL du service : .*paramètres/);
  });
});
