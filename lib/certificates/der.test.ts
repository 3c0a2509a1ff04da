import { describe, expect, it } from "vitest";
import { children, colonHex, DerError, readNode, readOid, readString, readTime } from "./der";

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (tag: number, text: string) => readNode(bytes(tag, text.length, ...[...text].map((c) => c.charCodeAt(0))));

describe("DER reader", () => {
  it("decodes OIDs, including the first two arcs packed together and multi-byte arcs", () => {
    expect(readOid(readNode(bytes(0x06, 0x03, 0x55, 0x1d, 0x25)))).toBe("2.5.29.37");
    expect(readOid(readNode(bytes(0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02)))).toBe("1.3.6.1.5.5.7.3.2");
    expect(readOid(readNode(bytes(0x06, 0x06, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d)))).toBe("1.2.840.113549");
    expect(() => readOid(readNode(bytes(0x06, 0x02, 0x2a, 0x86)))).toThrow(DerError);
  });

  it("reads UTCTime with RFC 5280's century rule, and GeneralizedTime", () => {
    expect(readTime(ascii(0x17, "500101000000Z")).toISOString()).toBe("1950-01-01T00:00:00.000Z");
    expect(readTime(ascii(0x17, "491231235959Z")).toISOString()).toBe("2049-12-31T23:59:59.000Z");
    expect(readTime(ascii(0x18, "20500101120000Z")).toISOString()).toBe("2050-01-01T12:00:00.000Z");
    expect(() => readTime(ascii(0x17, "260230000000Z"))).toThrow(DerError);
    expect(() => readTime(ascii(0x17, "2602280000Z"))).toThrow(DerError);
    expect(() => readTime(ascii(0x18, "20260228000000+0100"))).toThrow(DerError);
  });

  it("reads lengths in long form, refuses indefinite lengths, and flags truncation", () => {
    const long = new Uint8Array(4 + 200).fill(0x41);
    long.set([0x04, 0x81, 200]);
    expect(readNode(long.subarray(0, 203)).end).toBe(203);
    expect(() => readNode(bytes(0x30, 0x80, 0x00, 0x00))).toThrow(DerError);
    try {
      readNode(bytes(0x30, 0x05, 0x02, 0x01));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DerError);
      expect((error as DerError).truncated).toBe(true);
    }
    expect(() => children(readNode(bytes(0x30, 0x03, 0x02, 0x05, 0x00)))).toThrow(DerError);
  });

  it("decodes directory strings of every type", () => {
    expect(readString(readNode(bytes(0x0c, 0x02, 0xc3, 0xa9)))).toBe("é");
    expect(readString(readNode(bytes(0x1e, 0x02, 0x00, 0xe9)))).toBe("é");
    expect(readString(readNode(bytes(0x14, 0x01, 0xe9)))).toBe("é");
    expect(readString(readNode(bytes(0x1c, 0x04, 0x00, 0x00, 0x00, 0xe9)))).toBe("é");
    expect(readString(readNode(bytes(0x0c, 0x01, 0xff)))).toBeNull();
    expect(readString(readNode(bytes(0x02, 0x01, 0x01)))).toBeNull();
  });

  it("prints hex as openssl does", () => {
    expect(colonHex(bytes(0x0a, 0xbc, 0x01))).toBe("0A:BC:01");
    expect(colonHex(bytes(0xff))).toBe("FF");
  });
});
