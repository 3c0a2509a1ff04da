// The text of a PDF as Mozilla's pdf.js reads it: an independent reader written in JavaScript, so unit tests
// need no system program. Poppler's pdftotext, pdfsig and qpdf still read the sealed attestation in
// lib/attestations/attestations.int.test.ts and seal.int.test.ts.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfTextItem {
  text: string;
  /** 1-based page number. */
  page: number;
  /** Counter-clockwise angle of the text's baseline, in whole degrees (0 for ordinary text). */
  rotation: number;
}

export interface PdfText {
  /** Every text run in content order, whitespace collapsed to single spaces (as `pdftotext … | tr -s`). */
  text: string;
  items: PdfTextItem[];
}

export async function pdfText(pdf: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const loading = getDocument({ data: pdf.slice(), useSystemFonts: false });
  const items: PdfTextItem[] = [];
  try {
    const document = await loading.promise;
    for (let page = 1; page <= document.numPages; page++) {
      const content = await (await document.getPage(page)).getTextContent();
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const [a, b] = item.transform as number[];
        items.push({ text: item.str, page, rotation: Math.round((Math.atan2(b!, a!) * 180) / Math.PI) });
      }
    }
  } finally {
    await loading.destroy();
  }
  return { text: items.map((item) => item.text).join(" ").replace(/\s+/g, " "), items };
}
