// X.500 names as people read them. The string form follows RFC 4514 (most specific first, "CN=..., O=..., C=FR"),
// which is also what `openssl x509 -nameopt RFC2253` prints, so reviewers can compare the two.
import { children, DerError, DerTag, encoded, expectTag, readOid, readString, toHex, type DerNode } from "./der";

export interface NameAttribute {
  /** Short name (CN, OU, O...) or the dotted OID when the type is not a common one. */
  type: string;
  oid: string;
  /** null when the value is not a string, in which case `hex` holds its DER. */
  value: string | null;
  hex: string;
}

/** Relative distinguished names in encoding order; each usually holds a single attribute. */
export type DistinguishedName = NameAttribute[][];

/** The attributes the portal works with. Multi-valued OU is usual in IGC Santé certificates. */
export interface NameAttributes {
  cn: string | null;
  organizationalUnits: string[];
  organization: string | null;
  country: string | null;
  state: string | null;
}

// The short names openssl uses, so the readable form matches what ANS's tools print.
const SHORT_NAMES: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.4": "SN",
  "2.5.4.5": "serialNumber",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "street",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.12": "title",
  "2.5.4.42": "GN",
  "2.5.4.97": "organizationIdentifier",
  "1.2.840.113549.1.9.1": "emailAddress",
  "0.9.2342.19200300.100.1.1": "UID",
  "0.9.2342.19200300.100.1.25": "DC",
};

export function readDistinguishedName(node: DerNode): DistinguishedName {
  return children(expectTag(node, DerTag.sequence, "a Name")).map((rdn) =>
    children(expectTag(rdn, DerTag.set, "an RDN")).map((pair) => {
      const [typeNode, valueNode] = children(expectTag(pair, DerTag.sequence, "an attribute"));
      const oid = readOid(typeNode!);
      if (!valueNode) throw new DerError("DER: attribute without value");
      return { type: SHORT_NAMES[oid] ?? oid, oid, value: readString(valueNode), hex: toHex(encoded(valueNode)) };
    }),
  );
}

// RFC 4514 section 2.4: escape the specials, control characters, a leading space or '#', and a trailing space.
function escapeValue(value: string): string {
  const chars = [...value];
  return chars
    .map((c, i) => {
      if ('\\,+"<>;'.includes(c)) return `\\${c}`;
      if (c < " " || c === "\u007f") return `\\${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
      if ((i === 0 && (c === " " || c === "#")) || (i === chars.length - 1 && c === " ")) return `\\${c}`;
      return c;
    })
    .join("");
}

export function formatDistinguishedName(name: DistinguishedName): string {
  return [...name]
    .reverse()
    .map((rdn) => rdn.map((a) => `${a.type}=${a.value === null ? `#${a.hex}` : escapeValue(a.value)}`).join("+"))
    .join(", ");
}

export function nameAttributes(name: DistinguishedName): NameAttributes {
  const values = (oid: string) =>
    name.flat().flatMap((a) => (a.oid === oid && a.value !== null ? [a.value] : []));
  return {
    cn: values("2.5.4.3")[0] ?? null,
    organizationalUnits: values("2.5.4.11"),
    organization: values("2.5.4.10")[0] ?? null,
    country: values("2.5.4.6")[0] ?? null,
    state: values("2.5.4.8")[0] ?? null,
  };
}
