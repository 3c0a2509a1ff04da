import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { degrees, PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { ANNEX_LABELS } from "./attestation-schema";
import { contentSignatories, formatIsoDay, formatSiret, parisDateTime, type AttestationContent } from "./attestation-content";
import { signatoryName } from "./signatories";

// The attestation as a PDF (pdf-lib, DejaVu Sans embedded so every French character renders). Deterministic:
// the same inputs give the same bytes (dates passed in, metadata set explicitly, fixed font subset names), so
// the SHA-256 of the document as sent means something. No I/O except reading the font files once.

export type SignatureMark = {
  /** PNG bytes, already checked (signature-image.ts). */
  image: Uint8Array;
  name: string;
  function: string;
  signedAt: Date;
};

export type RenderOptions = {
  /** A draft preview, watermarked "PROJET". */
  draft: boolean;
  /** The document's date (PDF metadata): the sending time, or the preview time. */
  date: Date;
  /** The client signatories' marks, in their order (index = signatory), and the legal representative's. */
  signatures?: { clients?: (SignatureMark | undefined)[]; editor?: SignatureMark };
};

export type CertificateSigner = {
  party: "CLIENT" | "EDITOR";
  name: string;
  function: string;
  email: string;
  signedAt: Date;
  ip: string;
  userAgent: string;
};

export type CertificatePage = {
  /** SHA-256 (hex) of the PDF as sent for signature. */
  sentSha256: string;
  sentAt: Date;
  signers: CertificateSigner[];
};

type Fonts = { regular: Uint8Array; bold: Uint8Array };
let fontCache: Fonts | null = null;

function fonts(): Fonts {
  if (!fontCache) {
    const dir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
    fontCache = { regular: readFileSync(path.join(dir, "DejaVuSans.ttf")), bold: readFileSync(path.join(dir, "DejaVuSans-Bold.ttf")) };
  }
  return fontCache;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);
const BLUE = rgb(0, 0, 0.57);
const PLACEHOLDER = "…………………………";

type Writer = { page: PDFPage; regular: PDFFont; bold: PDFFont; y: number };

// Measuring a word through fontkit's layout is the slowest part of rendering: widths are cached per font, with a cap
// so that a stream of distinct words cannot grow the process's memory without bound.
const WIDTH_CACHE_LIMIT = 20_000;
const widthCache = new Map<string, Map<string, number>>();
function wordWidth(font: PDFFont, word: string, size: number): number {
  let cache = widthCache.get(font.name);
  if (!cache) {
    cache = new Map();
    widthCache.set(font.name, cache);
  }
  let width = cache.get(word);
  if (width === undefined) {
    width = font.widthOfTextAtSize(word, 1000);
    if (cache.size >= WIDTH_CACHE_LIMIT) cache.clear();
    cache.set(word, width);
  }
  return (width * size) / 1000;
}

/** Splits text into lines that fit `width`, breaking words too long for a line. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = wordWidth(font, " ", size);
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = wordWidth(font, word, size);
      const candidateWidth = line ? lineWidth + space + w : w;
      if (candidateWidth <= width) {
        line = line ? `${line} ${word}` : word;
        lineWidth = candidateWidth;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
      lineWidth = font.widthOfTextAtSize(rest, size);
    }
    lines.push(line);
  }
  return lines;
}

function write(w: Writer, text: string, { size = 10.5, font = w.regular, color = INK, indent = 0, gap = 4 } = {}) {
  for (const line of wrapText(text, font, size, WIDTH - indent)) {
    w.page.drawText(line, { x: MARGIN + indent, y: w.y - size, size, font, color });
    w.y -= size + gap;
  }
}

/** "Label : value" with the label in bold on its own line and the value under it. */
function field(w: Writer, label: string, value: string) {
  write(w, `${label} :`, { font: w.bold, size: 10, gap: 3 });
  write(w, value.trim() === "" ? PLACEHOLDER : value, { indent: 12 });
  w.y -= 5;
}

const orEmpty = (value: string) => (value.trim() === "" ? PLACEHOLDER : value);

// The same font bytes give the same fontkit Font: its tables (GSUB/GPOS...) are decoded once per process.
const parsedFonts = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();
const cachingFontkit = {
  create(bytes: Uint8Array, postscriptName?: string) {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes, postscriptName);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
} as typeof fontkit;

async function newDocument(title: string, content: AttestationContent, date: Date) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const { regular, bold } = fonts();
  const fontRegular = await doc.embedFont(regular, { subset: true, customName: "DejaVuSans" });
  const fontBold = await doc.embedFont(bold, { subset: true, customName: "DejaVuSans-Bold" });
  doc.setTitle(title);
  doc.setSubject(`Attestation de client (annexe 1 de la charte d'accès aux données du ROR) — ${content.clientName}`);
  doc.setAuthor(content.editorName);
  doc.setCreator("Portail d'adhésion à l'espace de confiance du ROR");
  doc.setProducer("Portail d'adhésion à l'espace de confiance du ROR (pdf-lib)");
  doc.setLanguage("fr-FR");
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return { doc, regular: fontRegular, bold: fontBold };
}

async function drawAttestationPage(doc: PDFDocument, regular: PDFFont, bold: PDFFont, content: AttestationContent, options: RenderOptions) {
  const page = doc.addPage(A4);
  const w: Writer = { page, regular, bold, y: A4[1] - MARGIN };

  write(w, "Attestation de client", { font: bold, size: 20, color: BLUE, gap: 6 });
  write(w, "Annexe 1 de la charte d'accès aux données du ROR pour les services numériques en santé", { size: 9.5, color: GREY, gap: 12 });

  write(w, "ENTRE", { font: bold, size: 12, gap: 8 });
  field(w, ANNEX_LABELS.client, [content.clientName, content.clientAddress].filter((s) => s.trim() !== "").join("\n"));
  const signatories = contentSignatories(content);
  field(
    w,
    ANNEX_LABELS.clientSignatory,
    signatories.map((s) => [signatoryName(s), s.function].filter((part) => part.trim() !== "").join(", ")).join("\n"),
  );
  field(w, ANNEX_LABELS.clientSiret, formatSiret(content.clientSiret));
  w.y -= 4;

  write(w, "ET", { font: bold, size: 12, gap: 8 });
  field(w, ANNEX_LABELS.editor, [content.editorName, content.editorAddress].filter((s) => s.trim() !== "").join("\n"));
  field(w, ANNEX_LABELS.editorLegalRepresentative, content.editorLegalRepresentativeName);
  w.y -= 4;

  write(
    w,
    `Le client atteste utiliser le service numérique « ${orEmpty(content.serviceName)} » (logiciel ${orEmpty(content.softwareName)}) de l'éditeur, dont il a signé la commande, et qui nécessite l'accès aux données du ROR à diffusion restreinte ou très restreinte.`,
    { gap: 4 },
  );
  w.y -= 6;
  field(w, ANNEX_LABELS.orderSignedOn, formatIsoDay(content.orderSignedOn));
  field(w, ANNEX_LABELS.softwareVersion, content.softwareVersion);
  write(w, `Fait à ${orEmpty(content.place)}, le ${content.madeOn ? formatIsoDay(content.madeOn) : PLACEHOLDER}`, { gap: 10 });

  const clientBoxes: SignatureBox[] = signatories.map((signatory, index) => ({
    label: signatories.length === 1 ? ANNEX_LABELS.clientSignature : [signatoryName(signatory), signatory.function].filter((part) => part.trim() !== "").join(", ") || `Signataire ${index + 1}`,
    mark: options.signatures?.clients?.[index],
  }));
  const editorBox: SignatureBox = { label: ANNEX_LABELS.editorSignature, mark: options.signatures?.editor };
  const layout = signatureLayout(signatories.length, w.y - 8 - MARGIN);
  if (layout.header) {
    page.drawText(ANNEX_LABELS.clientSignature, { x: MARGIN, y: layout.header.y, size: 10.5, font: bold, color: INK });
    if (layout.continued) {
      page.drawText(`(suite des signatures du client en page 2)`, { x: MARGIN + bold.widthOfTextAtSize(ANNEX_LABELS.clientSignature, 10.5) + 8, y: layout.header.y, size: 8.5, font: regular, color: GREY });
    }
  }
  for (const [index, rect] of layout.firstPage.entries()) await drawBox(doc, page, regular, bold, clientBoxes[index]!, rect);
  await drawBox(doc, page, regular, bold, editorBox, layout.editor);

  if (layout.secondPage.length > 0) {
    const next = doc.addPage(A4);
    const w2: Writer = { page: next, regular, bold, y: A4[1] - MARGIN };
    write(w2, `${ANNEX_LABELS.clientSignature} (suite)`, { font: bold, size: 12, gap: 6 });
    write(w2, `Attestation de client entre ${orEmpty(content.clientName)} et ${orEmpty(content.editorName)}, fait à ${orEmpty(content.place)}, le ${content.madeOn ? formatIsoDay(content.madeOn) : PLACEHOLDER}.`, { size: 9.5, color: GREY, gap: 10 });
    for (const [offset, rect] of layout.secondPage.entries()) await drawBox(doc, next, regular, bold, clientBoxes[layout.firstPage.length + offset]!, rect);
    if (options.draft) drawDraftMarks(next, bold, regular);
  }

  if (options.draft) drawDraftMarks(page, bold, regular);
}

function drawDraftMarks(page: PDFPage, bold: PDFFont, regular: PDFFont) {
  page.drawText("PROJET", { x: 150, y: 250, size: 120, font: bold, color: rgb(0.85, 0.1, 0.1), opacity: 0.18, rotate: degrees(45) });
  page.drawText("Projet non signé : ce document n'a aucune valeur tant qu'il n'est pas signé et scellé.", {
    x: MARGIN,
    y: 24,
    size: 8,
    font: regular,
    color: rgb(0.7, 0.05, 0.05),
  });
}

type SignatureBox = { label: string; mark?: SignatureMark };
export type BoxRect = { x: number; y: number; width: number; height: number };

export type SignatureLayout = {
  /** The "Signature du/des commanditaire(s)" line above the client boxes (several signatories only). */
  header: { y: number } | null;
  /** The client boxes on the attestation's page, in signatory order. */
  firstPage: BoxRect[];
  /** The legal representative's box, always on the attestation's page. */
  editor: BoxRect;
  /** The client boxes continued on a second page, in order. */
  secondPage: BoxRect[];
  continued: boolean;
};

const BOX_GAP = 20;
const BOX_WIDTH = (WIDTH - BOX_GAP) / 2;
const SINGLE_BOX_HEIGHT = 150;
const MIN_BOX_HEIGHT = 64;
const FIRST_PAGE_CLIENT_BOXES = 4;
const HEADER_HEIGHT = 18;
const ROW_GAP = 10;
const COLUMN_GAP = 12;

/** `cells` boxes in rows of `columns`, from `top` down; each `height` high. */
function grid(cells: number, columns: number, top: number, height: number, rowGap: number): BoxRect[] {
  const width = (WIDTH - (columns - 1) * COLUMN_GAP) / columns;
  return Array.from({ length: cells }, (_, i) => {
    const row = Math.floor(i / columns);
    return { x: MARGIN + (i % columns) * (width + COLUMN_GAP), y: top - (row + 1) * height - row * rowGap, width, height };
  });
}

/**
 * Where the signature boxes go (pure, in points; y is a box's bottom edge). One client signatory: two boxes side by
 * side, as Annex 1 draws them. Several: under the "Signature du/des commanditaire(s)" line, one box per signatory
 * (four at most on the attestation's page, the others on a second page) and the legal representative's box last,
 * in a grid of up to three columns. `available` is the height left between the text and the bottom margin.
 */
export function signatureLayout(count: number, available: number): SignatureLayout {
  if (count <= 1) {
    const top = Math.min(MARGIN + available, MARGIN + SINGLE_BOX_HEIGHT + 24);
    const rect = (x: number): BoxRect => ({ x, y: top - SINGLE_BOX_HEIGHT, width: BOX_WIDTH, height: SINGLE_BOX_HEIGHT });
    return { header: null, firstPage: count === 1 ? [rect(MARGIN)] : [], editor: rect(MARGIN + BOX_WIDTH + BOX_GAP), secondPage: [], continued: false };
  }
  const shape = (boxes: number) => {
    const cells = boxes + 1;
    const columns = Math.min(3, cells);
    const rows = Math.ceil(cells / columns);
    return { cells, columns, rows, height: Math.min(SINGLE_BOX_HEIGHT, (available - HEADER_HEIGHT - (rows - 1) * ROW_GAP) / rows) };
  };
  let onFirst = Math.min(count, FIRST_PAGE_CLIENT_BOXES);
  // A page already full of text keeps fewer boxes; the others go to the second page.
  while (onFirst > 1 && shape(onFirst).height < MIN_BOX_HEIGHT) onFirst--;
  const { cells, columns, rows } = shape(onFirst);
  const height = Math.max(MIN_BOX_HEIGHT, shape(onFirst).height);
  const top = MARGIN + Math.min(available, HEADER_HEIGHT + rows * height + (rows - 1) * ROW_GAP);
  const first = grid(cells, columns, top - HEADER_HEIGHT, height, ROW_GAP);
  const secondPage = grid(count - onFirst, 2, A4[1] - MARGIN - 60, SINGLE_BOX_HEIGHT, 14);
  return { header: { y: top - 12 }, firstPage: first.slice(0, onFirst), editor: first[onFirst]!, secondPage, continued: secondPage.length > 0 };
}

async function drawBox(doc: PDFDocument, page: PDFPage, regular: PDFFont, bold: PDFFont, box: SignatureBox, rect: BoxRect) {
  const boxTop = rect.y + rect.height;
  page.drawRectangle({ x: rect.x, y: rect.y, width: rect.width, height: rect.height, borderColor: GREY, borderWidth: 0.8 });
  let y = boxTop - 14;
  for (const line of wrapText(box.label, bold, 9.5, rect.width - 12).slice(0, 2)) {
    page.drawText(line, { x: rect.x + 6, y, size: 9.5, font: bold, color: INK });
    y -= 12;
  }
  if (box.mark) {
    const image = await doc.embedPng(box.mark.image);
    // From the bottom: the signing time (two lines in a narrow box), the signer's name, then the drawn signature.
    const dateLines = wrapText(`Signé le ${parisDateTime(box.mark.signedAt)}`, regular, 7, rect.width - 12).slice(0, 2);
    dateLines.forEach((line, i) => page.drawText(line, { x: rect.x + 6, y: rect.y + 6 + (dateLines.length - 1 - i) * 8, size: 7, font: regular, color: GREY }));
    const nameY = rect.y + 9 + dateLines.length * 8;
    const nameLine = wrapText(`${box.mark.name}, ${box.mark.function}`, regular, 8, rect.width - 12)[0] ?? "";
    page.drawText(nameLine, { x: rect.x + 6, y: nameY, size: 8, font: regular, color: INK });
    const imageY = nameY + 11;
    const maxW = rect.width - 16;
    const maxH = Math.max(8, y + 4 - imageY);
    const scale = Math.min(maxW / image.width, maxH / image.height, 1);
    page.drawImage(image, { x: rect.x + 8, y: imageY, width: image.width * scale, height: image.height * scale });
  }
}

/** The one-page attestation: the draft preview (watermarked), the document as sent, or with signatures. */
export async function renderAttestationPdf(content: AttestationContent, options: RenderOptions): Promise<Uint8Array> {
  const { doc, regular, bold } = await newDocument(options.draft ? "Attestation de client (projet)" : "Attestation de client", content, options.date);
  await drawAttestationPage(doc, regular, bold, content, options);
  return doc.save({ useObjectStreams: false });
}

const PARTY_LABELS: Record<CertificateSigner["party"], string> = {
  CLIENT: "Pour le client (commanditaire)",
  EDITOR: "Pour l'éditeur (responsable légal)",
};

/** The signed attestation followed by its "Certificat de signature" page; this is what gets sealed. */
export async function renderFinalAttestationPdf(
  content: AttestationContent,
  signatures: { clients: SignatureMark[]; editor: SignatureMark },
  certificate: CertificatePage,
): Promise<Uint8Array> {
  const lastSignedAt = new Date(Math.max(...signatures.clients.map((c) => c.signedAt.getTime()), signatures.editor.signedAt.getTime()));
  const { doc, regular, bold } = await newDocument("Attestation de client signée", content, lastSignedAt);
  await drawAttestationPage(doc, regular, bold, content, { draft: false, date: lastSignedAt, signatures });

  const w: Writer = { page: doc.addPage(A4), regular, bold, y: A4[1] - MARGIN };
  write(w, "Certificat de signature", { font: bold, size: 18, color: BLUE, gap: 10 });
  write(w, `Attestation de client entre ${content.clientName} (SIRET ${formatSiret(content.clientSiret)}) et ${content.editorName}, pour le service numérique « ${content.serviceName} ».`);
  w.y -= 4;
  write(w, `Document envoyé pour signature le ${parisDateTime(certificate.sentAt)} — ${certificate.sentAt.toISOString()} (UTC).`);
  write(w, "Empreinte SHA-256 du document tel qu'envoyé pour signature :", { font: bold, size: 10 });
  write(w, certificate.sentSha256, { size: 9, indent: 12, gap: 10 });

  const clientCount = certificate.signers.filter((signer) => signer.party === "CLIENT").length;
  let clientIndex = 0;
  for (const signer of certificate.signers) {
    // Ten client signatories do not fit one page: a signer's block never splits across pages.
    if (w.y - 130 < MARGIN) {
      w.page = doc.addPage(A4);
      w.y = A4[1] - MARGIN;
      write(w, "Certificat de signature (suite)", { font: bold, size: 14, color: BLUE, gap: 10 });
    }
    w.y -= 4;
    const label = signer.party === "CLIENT" && clientCount > 1 ? `Pour le client (commanditaire ${++clientIndex} sur ${clientCount})` : PARTY_LABELS[signer.party];
    write(w, label, { font: bold, size: 12, gap: 6 });
    const rows: [string, string][] = [
      ["Nom", signer.name],
      ["Fonction", signer.function],
      ["Adresse électronique", signer.email],
      ["Signé le", parisDateTime(signer.signedAt)],
      ["Signé le (UTC)", signer.signedAt.toISOString()],
      ["Adresse IP", signer.ip],
      ["Navigateur (user agent)", signer.userAgent || "non communiqué"],
    ];
    for (const [label, value] of rows) write(w, `${label} : ${value}`, { size: 9.5, indent: 12, gap: 3 });
  }
  w.y -= 10;
  if (w.y - 60 < MARGIN) {
    w.page = doc.addPage(A4);
    w.y = A4[1] - MARGIN;
  }
  write(
    w,
    "Chaque signataire a relu le document, confirmé son nom et sa fonction, dessiné ou généré sa signature et coché une déclaration de consentement explicite. Le portail d'adhésion à l'espace de confiance du ROR scelle ensuite ce document avec son cachet électronique : toute modification ultérieure est détectable sur la page « Vérifier une attestation » du portail.",
    { size: 9, color: GREY, gap: 3 },
  );
  return doc.save({ useObjectStreams: false });
}

export { PLACEHOLDER };
