import { deflateSync } from "node:zlib";

// Test support (pure): encodes real PNG files so tests can exercise the signature checks and the PDF embedding.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** An RGBA PNG of `width`×`height`, transparent, where `ink(x, y)` pixels are dark blue. */
export function encodeTestPng(width: number, height: number, ink: (x: number, y: number) => boolean, filter = 1): Uint8Array {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const pixels = Buffer.alloc(stride);
    for (let x = 0; x < width; x++) {
      if (ink(x, y)) pixels.set([10, 20, 120, 255], x * 4);
    }
    raw[y * (stride + 1)] = filter;
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? pixels[i - 4]! : 0;
      raw[y * (stride + 1) + 1 + i] = filter === 1 ? (pixels[i]! - left) & 0xff : pixels[i]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", new Uint8Array())]),
  );
}

/** A plausible hand-drawn signature: a thick sine stroke. */
export function testSignaturePng(width = 400, height = 120): Uint8Array {
  return encodeTestPng(width, height, (x, y) => x > 20 && x < width - 20 && Math.abs(y - (height / 2 + Math.sin(x / 15) * (height / 4))) < 3);
}

export function toDataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
}
