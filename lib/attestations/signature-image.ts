import { inflateSync } from "node:zlib";

// Pure: the checks of a hand-drawn (or typed-and-rendered) signature image before it is stored and embedded in
// the attestation. It must be a real PNG that decodes, of sane dimensions, not too large, and not blank.

export const SIGNATURE_MAX_BYTES = 300 * 1024;
export const SIGNATURE_MAX_WIDTH = 3000;
export const SIGNATURE_MAX_HEIGHT = 1500;
export const SIGNATURE_MIN_INK_PIXELS = 30;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export const SIGNATURE_PROBLEMS = {
  missing: "Dessinez votre signature ou saisissez votre nom pour la générer.",
  tooLarge: "L'image de la signature est trop volumineuse (300 Ko au maximum).",
  notPng: "La signature doit être une image PNG.",
  unreadable: "L'image de la signature est illisible. Effacez-la et signez à nouveau.",
  dimensions: "L'image de la signature a des dimensions invalides.",
  empty: "La signature est vide. Dessinez votre signature ou saisissez votre nom pour la générer.",
} as const;

export type SignatureImage = { png: Uint8Array; width: number; height: number; inkPixels: number };
export type SignatureImageResult = { ok: true; image: SignatureImage } | { ok: false; problem: string };

const DATA_URL_PREFIX = "data:image/png;base64,";

/** Decodes a `data:image/png;base64,...` string (what canvas.toDataURL gives), refusing oversize before decoding. */
export function signatureFromDataUrl(value: unknown): SignatureImageResult {
  if (typeof value !== "string" || value.length === 0) return { ok: false, problem: SIGNATURE_PROBLEMS.missing };
  if (value.length > DATA_URL_PREFIX.length + Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 4) return { ok: false, problem: SIGNATURE_PROBLEMS.tooLarge };
  if (!value.startsWith(DATA_URL_PREFIX)) return { ok: false, problem: SIGNATURE_PROBLEMS.notPng };
  const base64 = value.slice(DATA_URL_PREFIX.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return { ok: false, problem: SIGNATURE_PROBLEMS.notPng };
  return checkSignaturePng(new Uint8Array(Buffer.from(base64, "base64")));
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) >>> 0) + (bytes[offset + 1]! << 16) + (bytes[offset + 2]! << 8) + bytes[offset + 3]!;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Checks the PNG bytes: magic, chunks, 8-bit grey/RGB(A) non-interlaced, decodes every row, counts ink pixels. */
export function checkSignaturePng(png: Uint8Array): SignatureImageResult {
  if (png.byteLength === 0) return { ok: false, problem: SIGNATURE_PROBLEMS.missing };
  if (png.byteLength > SIGNATURE_MAX_BYTES) return { ok: false, problem: SIGNATURE_PROBLEMS.tooLarge };
  if (png.byteLength < 8 + 25 || PNG_MAGIC.some((b, i) => png[i] !== b)) return { ok: false, problem: SIGNATURE_PROBLEMS.notPng };

  let offset = 8;
  let header: { width: number; height: number; bitDepth: number; colorType: number; interlace: number } | null = null;
  const data: Uint8Array[] = [];
  let ended = false;
  while (offset + 12 <= png.byteLength) {
    const length = readUint32(png, offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const start = offset + 8;
    if (start + length + 4 > png.byteLength) return { ok: false, problem: SIGNATURE_PROBLEMS.unreadable };
    const body = png.subarray(start, start + length);
    if (type === "IHDR") {
      if (length !== 13) return { ok: false, problem: SIGNATURE_PROBLEMS.unreadable };
      header = { width: readUint32(body, 0), height: readUint32(body, 4), bitDepth: body[8]!, colorType: body[9]!, interlace: body[12]! };
    } else if (type === "IDAT") {
      data.push(body);
    } else if (type === "IEND") {
      ended = true;
      break;
    }
    offset = start + length + 4;
  }
  if (!header || !ended || data.length === 0) return { ok: false, problem: SIGNATURE_PROBLEMS.unreadable };
  const { width, height, bitDepth, colorType, interlace } = header;
  if (width < 20 || height < 10 || width > SIGNATURE_MAX_WIDTH || height > SIGNATURE_MAX_HEIGHT) return { ok: false, problem: SIGNATURE_PROBLEMS.dimensions };
  const channels = CHANNELS[colorType];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) return { ok: false, problem: SIGNATURE_PROBLEMS.notPng };

  const stride = width * channels;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(data), { maxOutputLength: (stride + 1) * height });
  } catch {
    return { ok: false, problem: SIGNATURE_PROBLEMS.unreadable };
  }
  if (raw.length !== (stride + 1) * height) return { ok: false, problem: SIGNATURE_PROBLEMS.unreadable };

  let previous = new Uint8Array(stride);
  let inkPixels = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels]! : 0;
      const b = previous[x]!;
      const c = x >= channels ? previous[x - channels]! : 0;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = a; break;
        case 2: predictor = b; break;
        case 3: predictor = (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          return { ok: false, problem: SIGNATURE_PROBLEMS.unreadable };
      }
      row[x] = (line[x]! + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const p = x * channels;
      const grey = channels <= 2 ? row[p]! : Math.min(row[p]!, row[p + 1]!, row[p + 2]!);
      const alpha = channels === 2 ? row[p + 1]! : channels === 4 ? row[p + 3]! : 255;
      // Ink: visible (alpha) and darker than paper.
      if (alpha >= 64 && grey < 200) inkPixels++;
    }
    previous = row;
  }
  if (inkPixels < SIGNATURE_MIN_INK_PIXELS) return { ok: false, problem: SIGNATURE_PROBLEMS.empty };
  return { ok: true, image: { png, width, height, inkPixels } };
}
