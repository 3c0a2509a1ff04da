import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { pdfText } from "../testing/pdf-text";
import type { AttestationContent } from "./attestation-content";
import { renderAttestationPdf, renderFinalAttestationPdf, signatureLayout } from "./pdf";
import { testSignaturePng } from "../testing/test-png";

/** The text of a PDF as pdf.js reads it, runs joined with spaces (so wrapped words join as in pdftotext). */
async function textOf(pdf: Uint8Array): Promise<string> {
  return (await pdfText(pdf)).text;
}

const content: AttestationContent = {
  clientName: "Clinique Sainte-Hélène des Cévennes",
  clientAddress: "12 rue de l'Église\n30100 Alès",
  clientSignatoryLastName: "Lefèvre",
  clientSignatoryFirstName: "Zoé",
  clientSignatoryFunction: "Directrice générale adjointe",
  clientSiret: "73282932000074",
  clientSignatoryEmail: "zoe.lefevre@clinique.example",
  editorName: "Santé Numérique Démo SAS",
  editorAddress: "1 place de la Bourse, 75002 Paris",
  editorSiret: "55210055400013",
  editorLegalRepresentativeName: "Amélie Représentante",
  editorLegalRepresentativeEmail: "representant@editeur.example",
  serviceName: "Orientation Œil",
  softwareName: "Orienté Soins",
  orderSignedOn: "2026-02-01",
  softwareVersion: "4.2.1-ç",
  place: "Alès",
  madeOn: "2026-03-10",
};

const date = new Date("2026-03-10T09:30:00Z");

describe("attestation PDF", () => {
  it("is one A4 page with every field, accents intact, and the Annex 1 wording", async () => {
    const pdf = await renderAttestationPdf(content, { draft: false, date });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    const text = await textOf(pdf);
    for (const expected of [
      "Attestation de client",
      "ENTRE",
      "ET",
      "Nom et adresse du client",
      "Clinique Sainte-Hélène des Cévennes",
      "12 rue de l'Église",
      "30100 Alès",
      "Nom, prénom et fonction du responsable signataire pour le client",
      "Zoé Lefèvre, Directrice générale adjointe",
      "Numéro SIRET du client",
      "732 829 320 00074",
      "Nom et adresse de l'éditeur",
      "Santé Numérique Démo SAS",
      "1 place de la Bourse, 75002 Paris",
      "Nom et prénom du responsable légal de la société éditrice du logiciel concerné",
      "Amélie Représentante",
      "Date de signature de la commande",
      "1 février 2026",
      "Version logicielle concernée par la connexion au ROR",
      "4.2.1-ç",
      "Orientation Œil",
      "Fait à Alès, le 10 mars 2026",
      "Signature du/des commanditaire(s)",
      "Signature du responsable légal de l'éditeur",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Projet non signé");
  });

  it("marks the draft preview PROJET, and shows gaps in an incomplete draft", async () => {
    const pdf = await renderAttestationPdf({ ...content, clientSiret: "", place: "" }, { draft: true, date });
    const { text, items } = await pdfText(pdf);
    expect(text).toContain("Projet non signé : ce document n'a aucune valeur tant qu'il n'est pas signé et scellé.");
    // The watermark is the only diagonal text: "PROJET" at 45°, on the draft only.
    expect(items.filter((item) => item.rotation !== 0)).toEqual([{ text: "PROJET", page: 1, rotation: 45 }]);
    const sent = await pdfText(await renderAttestationPdf(content, { draft: false, date }));
    expect(sent.items.filter((item) => item.rotation !== 0)).toEqual([]);
    expect(text).toContain("Fait à …………………………, le 10 mars 2026");
  });

  it("gives the same bytes for the same inputs (the SHA-256 of the sent document is meaningful)", async () => {
    const a = await renderAttestationPdf(content, { draft: false, date });
    const b = await renderAttestationPdf(content, { draft: false, date });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await renderAttestationPdf({ ...content, place: "Nîmes" }, { draft: false, date });
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it("fits long values (maximum lengths) on the page", async () => {
    const long = { ...content, clientName: "Établissement ".repeat(14).trim(), clientAddress: "Bâtiment B, ".repeat(40).trim(), clientSignatoryFunction: "f".repeat(150) };
    const pdf = await renderAttestationPdf(long, { draft: false, date });
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    expect(await textOf(pdf)).toContain("Signature du/des commanditaire(s)");
  });

  it("renders the final version with both signatures and a certificate page", async () => {
    const client = { image: testSignaturePng(), name: "Zoé Lefèvre", function: "Directrice générale adjointe", signedAt: new Date("2026-03-11T08:15:30Z") };
    const editor = { image: testSignaturePng(500, 150), name: "Amélie Représentante", function: "Présidente", signedAt: new Date("2026-03-12T16:45:00Z") };
    const sha = "ab".repeat(32);
    const pdf = await renderFinalAttestationPdf(content, { clients: [client], editor }, {
      sentSha256: sha,
      sentAt: date,
      signers: [
        { party: "CLIENT", name: client.name, function: client.function, email: "zoe.lefevre@clinique.example", signedAt: client.signedAt, ip: "203.0.113.7", userAgent: "Mozilla/5.0 (Test; Linux)" },
        { party: "EDITOR", name: editor.name, function: editor.function, email: "representant@editeur.example", signedAt: editor.signedAt, ip: "198.51.100.2", userAgent: "Mozilla/5.0 (Éditeur)" },
      ],
    });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getModificationDate()?.toISOString()).toBe("2026-03-12T16:45:00.000Z");
    const text = await textOf(pdf);
    for (const expected of [
      "Zoé Lefèvre, Directrice générale adjointe",
      "Signé le 11 mars 2026 à 09:15:30 (heure de Paris)",
      "Amélie Représentante, Présidente",
      "Certificat de signature",
      sha,
      "Pour le client (commanditaire)",
      "Pour l'éditeur (responsable légal)",
      "zoe.lefevre@clinique.example",
      "2026-03-11T08:15:30.000Z",
      "12 mars 2026 à 17:45:00 (heure de Paris)",
      "203.0.113.7",
      "Mozilla/5.0 (Éditeur)",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Projet non signé");
  });
});

describe("attestation PDF with several client signatories", () => {
  const people = Array.from({ length: 10 }, (_, i) => ({
    lastName: `Signataire${i + 1}`,
    firstName: ["Zoé", "Loïc", "Anaïs", "Benoît", "Chloé", "Jérôme", "Maëlle", "Noël", "Hélène", "Gaël"][i]!,
    function: `Fonction n° ${i + 1}`,
    email: `s${i + 1}@clinique.example`,
  }));
  const withSignatories = (n: number): AttestationContent => ({ ...content, clientSignatories: people.slice(0, n) });
  const name = (i: number) => `${people[i]!.firstName} ${people[i]!.lastName}`;

  it("keeps one A4 page for up to four signatories, each with a box of their own", async () => {
    for (const n of [2, 3, 4]) {
      const pdf = await renderAttestationPdf(withSignatories(n), { draft: false, date });
      expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
      const text = await textOf(pdf);
      expect(text).toContain("Signature du/des commanditaire(s)");
      expect(text).toContain("Signature du responsable légal de l'éditeur");
      // Each name appears twice: in the "Nom, prénom et fonction" field and on the signatory's box.
      for (let i = 0; i < n; i++) expect(text.split(`${name(i)}, Fonction n° ${i + 1}`).length - 1).toBe(2);
      expect(text).not.toContain("(suite)");
    }
  });

  it("continues the boxes on a second page beyond four, and the certificate lists every signer", async () => {
    const sent = await renderAttestationPdf(withSignatories(10), { draft: false, date });
    expect((await PDFDocument.load(sent)).getPageCount()).toBe(2);
    const sentText = await pdfText(sent);
    expect(sentText.text).toContain("Signature du/des commanditaire(s) (suite)");
    for (let i = 4; i < 10; i++) expect(sentText.text).toContain(name(i));

    const signedAt = new Date("2026-03-11T08:15:30Z");
    const marks = people.map((p, i) => ({ image: testSignaturePng(), name: `${p.firstName} ${p.lastName}`, function: p.function, signedAt: new Date(signedAt.getTime() + i * 60_000) }));
    const editor = { image: testSignaturePng(), name: "Amélie Représentante", function: "Présidente", signedAt: new Date("2026-03-12T16:45:00Z") };
    const final = await renderFinalAttestationPdf(withSignatories(10), { clients: marks, editor }, {
      sentSha256: "cd".repeat(32),
      sentAt: date,
      signers: [
        ...marks.map((m, i) => ({ party: "CLIENT" as const, name: m.name, function: m.function, email: people[i]!.email, signedAt: m.signedAt, ip: "203.0.113.7", userAgent: "Test" })),
        { party: "EDITOR" as const, name: editor.name, function: editor.function, email: "representant@editeur.example", signedAt: editor.signedAt, ip: "198.51.100.2", userAgent: "Test" },
      ],
    });
    const doc = await PDFDocument.load(final, { updateMetadata: false });
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(4);
    const text = await textOf(final);
    expect(text).toContain("Certificat de signature");
    for (let i = 0; i < 10; i++) {
      expect(text).toContain(`Pour le client (commanditaire ${i + 1} sur 10)`);
      expect(text).toContain(people[i]!.email);
    }
    expect(text).toContain("Pour l'éditeur (responsable légal)");
  });

  it("lays out boxes inside the page, never overlapping, and moves boxes to page 2 when the text leaves no room", () => {
    for (const n of [1, 2, 3, 4, 7, 10]) {
      const layout = signatureLayout(n, 330);
      const boxes = [...layout.firstPage, layout.editor];
      expect(layout.firstPage.length + layout.secondPage.length).toBe(n);
      for (const box of boxes) expect(box.y).toBeGreaterThanOrEqual(56 - 0.01);
      for (let a = 0; a < boxes.length; a++) {
        for (let b = a + 1; b < boxes.length; b++) {
          const [p, q] = [boxes[a]!, boxes[b]!];
          const overlap = p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
          expect(overlap).toBe(false);
        }
      }
      for (const box of layout.secondPage) expect(box.y).toBeGreaterThanOrEqual(56);
    }
    expect(signatureLayout(4, 330).firstPage).toHaveLength(4);
    expect(signatureLayout(10, 330).secondPage).toHaveLength(6);
    // Little room left: fewer boxes on the attestation's page, none lost.
    const tight = signatureLayout(4, 120);
    expect(tight.firstPage.length).toBeLessThan(4);
    expect(tight.firstPage.length + tight.secondPage.length).toBe(4);
  });
});
