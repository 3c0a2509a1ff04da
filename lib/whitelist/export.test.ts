import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { selectEntriesInForce } from "./entry";
import {
  csvField,
  ifNoneMatchMatches,
  parseIfNoneMatch,
  prepareWhitelist,
  WHITELIST_CSV_COLUMNS,
  whitelistCsv,
  whitelistDocument,
  whitelistEtag,
  whitelistJson,
  whitelistCsvBytes,
  whitelistCsvBody,
  whitelistJsonBody,
} from "./export";
import { whitelistOpenApi } from "./openapi";
import { syntheticCertificate, syntheticEntries, syntheticEntry } from "../testing/test-entries";

const now = new Date("2026-11-26T10:00:00Z");
const later = new Date("2026-11-26T10:05:00Z");
const level1 = { perApiPerSecond: 100 };

function validatorFor(schemaName: string) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // The OpenAPI document's own keywords are not JSON Schema: declared so strict mode accepts the wrapper.
  for (const keyword of ["openapi", "info", "servers", "security", "paths", "components"]) ajv.addKeyword(keyword);
  ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat("uri", (value: string) => URL.canParse(value) && /^[a-z][a-z0-9+.-]*:/i.test(value));
  ajv.addSchema({ $id: "https://ror.example/openapi.json", ...whitelistOpenApi });
  const validate = ajv.getSchema(`https://ror.example/openapi.json#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`no schema ${schemaName}`);
  return validate;
}

describe("the JSON export", () => {
  it("validates against the OpenAPI document's schema", () => {
    const entries = [
      ...syntheticEntries(20, now),
      syntheticEntry(99, now, { certificates: [], accessProfile: { code: "0", label: "Libre accès", requiresCertificate: false } }),
    ];
    const prepared = prepareWhitelist(selectEntriesInForce(entries, now).entries, level1);
    const document = JSON.parse(whitelistJson(prepared, now));
    const validate = validatorFor("WhitelistDocument");
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.entries).toHaveLength(21);
    expect(document.generatedAt).toBe(now.toISOString());
    expect(document.version).toBe(1);
  });

  it("the schema is not a rubber stamp: broken documents are refused", () => {
    const validate = validatorFor("WhitelistDocument");
    const good = whitelistDocument(prepareWhitelist(syntheticEntries(2, now), level1), now);
    expect(validate(good)).toBe(true);
    const broken = [
      (d: typeof good) => void (d.entries[0]!.certificates[0]!.fingerprintSha256 = "AB:CD"),
      (d: typeof good) => void (d.entries[0]!.quotas.authenticatedPerSecond = 0),
      (d: typeof good) => void (d.entries[0]!.organisation.siret = "123"),
      (d: typeof good) => void ((d.entries[0] as unknown as Record<string, unknown>).extra = 1),
      (d: typeof good) => void ((d as unknown as Record<string, unknown>).generatedAt = "hier"),
      (d: typeof good) => void ((d.entries[0] as unknown as Record<string, unknown>).status = "REVOKED"),
    ];
    for (const breakIt of broken) {
      const copy = structuredClone(good);
      breakIt(copy);
      expect(validate(copy)).toBe(false);
    }
  });

  it("is deterministic whatever the input order, and sorted", () => {
    const entries = syntheticEntries(30, now);
    const a = prepareWhitelist(entries, level1);
    const b = prepareWhitelist([...entries].reverse(), level1);
    expect(b.canonicalJson).toBe(a.canonicalJson);
    const keys = a.entries.map((e) => `${e.environment}|${e.organisation.siret}|${e.service.id}|${e.enrolmentId}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("keeps its ETag when only generatedAt changes, and changes it with the content", () => {
    const entries = syntheticEntries(5, now);
    const first = prepareWhitelist(entries, level1);
    const again = prepareWhitelist(entries, level1);
    expect(whitelistJson(first, now)).not.toBe(whitelistJson(again, later));
    expect(whitelistEtag(again, "json")).toBe(whitelistEtag(first, "json"));
    expect(whitelistEtag(first, "json")).toMatch(/^"[A-Za-z0-9_-]{43}\.json"$/);
    expect(whitelistEtag(first, "csv")).not.toBe(whitelistEtag(first, "json"));
    const etagSchema = whitelistOpenApi.components.headers.ETag.schema;
    for (const format of ["json", "csv"] as const) expect(whitelistEtag(first, format)).toMatch(new RegExp(etagSchema.pattern));

    const changedQuota = entries.map((e, i) => (i === 2 ? { ...e, quotas: { ...e.quotas, authenticatedPerSecond: 11 } } : e));
    expect(whitelistEtag(prepareWhitelist(changedQuota, level1), "json")).not.toBe(whitelistEtag(first, "json"));
    expect(whitelistEtag(prepareWhitelist(entries, { perApiPerSecond: 99 }), "json")).not.toBe(whitelistEtag(first, "json"));
    expect(whitelistEtag(prepareWhitelist(entries.slice(1), level1), "json")).not.toBe(whitelistEtag(first, "json"));
  });

  it("publishes the API catalogue in path-prefix order, valid against the schema, and its level 1 is part of the ETag", () => {
    const entries = syntheticEntries(2, now);
    const fhir = { name: "API FHIR du ROR", pathPrefix: "/fhir/", access: "authenticated", level1PerSecond: 100 } as const;
    const opendata = { name: "API open data du ROR", pathPrefix: "/opendata/", access: "public", level1PerSecond: 100 } as const;
    const withApis = prepareWhitelist(entries, { ...level1, apis: [opendata, fhir] });
    const document = whitelistDocument(withApis, now);
    expect(document.level1.apis?.map((a) => a.pathPrefix)).toEqual(["/fhir/", "/opendata/"]);
    const validate = validatorFor("WhitelistDocument");
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...document, level1: { ...document.level1, apis: [{ ...fhir, pathPrefix: "/fhir;" }] } })).toBe(false);
    expect(whitelistEtag(prepareWhitelist(entries, { ...level1, apis: [fhir, opendata] }), "json")).toBe(whitelistEtag(withApis, "json"));
    expect(whitelistEtag(prepareWhitelist(entries, { ...level1, apis: [{ ...fhir, level1PerSecond: 40 }, opendata] }), "json")).not.toBe(whitelistEtag(withApis, "json"));
  });

  it("an expired certificate leaves the export, and the ETag changes", () => {
    const entry = syntheticEntry(1, now, {
      certificates: [
        syntheticCertificate("a", new Date("2026-01-01T00:00:00Z"), new Date("2026-11-26T10:01:00Z")),
        syntheticCertificate("b", new Date("2026-01-01T00:00:00Z"), new Date("2027-11-26T00:00:00Z")),
      ],
    });
    const before = prepareWhitelist(selectEntriesInForce([entry], now).entries, level1);
    const after = prepareWhitelist(selectEntriesInForce([entry], later).entries, level1);
    expect(before.entries[0]!.certificates).toHaveLength(2);
    expect(after.entries[0]!.certificates).toHaveLength(1);
    expect(whitelistEtag(after, "json")).not.toBe(whitelistEtag(before, "json"));
  });
});

describe("the CSV export", () => {
  /** A strict RFC 4180 reader, independent of the writer. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = "";
    let quoted = false;
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') {
        quoted = true;
      } else if (c === ",") {
        row.push(field);
        field = "";
      } else if (c === "\r" && text[i + 1] === "\n") {
        row.push(field);
        rows.push(row);
        row = [];
        field = "";
        i += 2;
        continue;
      } else {
        field += c;
      }
      i++;
    }
    expect(field).toBe("");
    expect(row).toEqual([]);
    return rows;
  }

  it("has a header row, one row per (entry, certificate), CRLF, and survives commas and quotes", () => {
    const twoCertificates = syntheticEntry(1, now, {
      service: { id: "svc-1", name: 'Agenda "Santé", v2' },
      certificates: [
        syntheticCertificate("a", new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z")),
        syntheticCertificate("b", new Date("2026-06-01T00:00:00Z"), new Date("2027-06-01T00:00:00Z")),
      ],
    });
    const noCertificate = syntheticEntry(2, now, { certificates: [], accessProfile: { code: "0", label: "Libre", requiresCertificate: false } });
    const csv = whitelistCsv(prepareWhitelist([twoCertificates, noCertificate], level1));
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...WHITELIST_CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toHaveLength(WHITELIST_CSV_COLUMNS.length);
    const column = (name: (typeof WHITELIST_CSV_COLUMNS)[number]) => WHITELIST_CSV_COLUMNS.indexOf(name);
    const serviceRows = rows.filter((r) => r[column("service_id")] === "svc-1");
    expect(serviceRows.map((r) => r[column("service_name")])).toEqual(['Agenda "Santé", v2', 'Agenda "Santé", v2']);
    expect(serviceRows.map((r) => r[column("certificate_not_before")])).toEqual(["2026-01-01T00:00:00.000Z", "2026-06-01T00:00:00.000Z"]);
    const openRow = rows.find((r) => r[column("enrolment_id")] === noCertificate.enrolmentId)!;
    expect(openRow[column("certificate_fingerprint_sha256")]).toBe("");
    expect(openRow[column("level1_per_api_per_second")]).toBe("100");
    expect(openRow[column("urls")]).toBe(noCertificate.urls.join(" "));
  });

  it("neutralises spreadsheet formulas in text", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvField("+33 1")).toBe("'+33 1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("Agenda")).toBe("Agenda");
    expect(csvField(10)).toBe("10");
    expect(csvField("a\nb")).toBe('"a\nb"');
  });
});

describe("If-None-Match (RFC 9110)", () => {
  const etag = '"abc.json"';
  it.each([
    ['"abc.json"', true],
    ['W/"abc.json"', true],
    ['"x", "abc.json"', true],
    ['"x",W/"abc.json"', true],
    ["*", true],
    [" * ", true],
    ['"x"', false],
    ['"abc.csv"', false],
    ["abc.json", false],
    ['"abc.json', false],
    ["", false],
    ['"a,b", "abc.json"', true],
    ['"x" "abc.json"', false],
  ])("%j → %s", (header, expected) => {
    expect(ifNoneMatchMatches(header, etag)).toBe(expected);
  });

  it("absent header never matches", () => {
    expect(ifNoneMatchMatches(null, etag)).toBe(false);
    expect(ifNoneMatchMatches(undefined, etag)).toBe(false);
  });

  it("keeps commas inside entity tags", () => {
    expect(parseIfNoneMatch('"a,b", W/"c"')).toEqual([
      { weak: false, opaque: "a,b" },
      { weak: true, opaque: "c" },
    ]);
  });

  it("matches the ETag the export computes", () => {
    const prepared = prepareWhitelist(syntheticEntries(3, now), level1);
    const current = whitelistEtag(prepared, "json");
    expect(ifNoneMatchMatches(`W/${current}`, current)).toBe(true);
    expect(ifNoneMatchMatches(whitelistEtag(prepared, "csv"), current)).toBe(false);
  });
});

describe("the encoded bodies", () => {
  it("are the UTF-8 bytes of the CSV body, and stay right across calls", () => {
    const prepared = prepareWhitelist(syntheticEntries(20, new Date("2026-03-10T10:00:00Z")), { perApiPerSecond: 100 });
    const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    expect(decode(whitelistCsvBytes(prepared))).toBe(whitelistCsv(prepared));
    expect(decode(whitelistCsvBytes(prepared))).toBe(whitelistCsv(prepared));
  });

  it("stream the same bytes, with their length, to every response", async () => {
    const prepared = prepareWhitelist(syntheticEntries(20, new Date("2026-03-10T10:00:00Z")), { perApiPerSecond: 100 });
    const at = new Date("2026-03-10T10:00:00Z");
    for (let call = 0; call < 2; call++) {
      const json = whitelistJsonBody(prepared, at);
      const jsonBytes = new Uint8Array(await new Response(json.body).arrayBuffer());
      expect(jsonBytes.byteLength).toBe(json.length);
      expect(new TextDecoder().decode(jsonBytes)).toBe(whitelistJson(prepared, at));
      const csv = whitelistCsvBody(prepared);
      expect(await new Response(csv.body).text()).toBe(whitelistCsv(prepared));
    }
  });
});
