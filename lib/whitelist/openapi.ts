// OpenAPI 3.1 description of the gateway's machine API. Schemas are JSON Schema 2020-12 (OpenAPI 3.1's dialect);
// the unit tests validate real export output against them, so the document cannot drift from the code.
import { WHITELIST_CSV_COLUMNS, WHITELIST_FORMAT_VERSION } from "./export";
import { QUOTA_MAX, QUOTA_MIN } from "./quotas";

const ISO_INSTANT = { type: "string", format: "date-time", description: "UTC instant, ISO 8601 with milliseconds." } as const;
const quota = { type: "integer", minimum: QUOTA_MIN, maximum: QUOTA_MAX } as const;

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

export const whitelistOpenApi = {
  openapi: "3.1.0",
  info: {
    title: "ROR trust space: gateway whitelist",
    version: "1.0.0",
    // The French State's open licence for public information (SPDX etalab-2.0), for this description (ADR 0031).
    license: { name: "Licence Ouverte / Open Licence version 2.0", identifier: "etalab-2.0" },
    description:
      "The whitelist of the ROR trust space, for the ROR gateway: every enrolment in force with its client certificates " +
      "valid now, its access profile and its level-2 quotas, plus the level-1 quota. Poll with If-None-Match: an " +
      "unchanged whitelist keeps its ETag (generatedAt is not part of it) and answers 304.",
  },
  servers: [{ url: "/" }],
  security: [{ apiToken: [] }],
  paths: {
    "/api/v1/whitelist": {
      get: {
        operationId: "getWhitelist",
        summary: "The whitelist in force",
        parameters: [
          {
            name: "environment",
            in: "query",
            required: false,
            description: "Only the entries of this environment; both when absent.",
            schema: { type: "string", enum: ["TEST", "PRODUCTION"] },
          },
          {
            name: "If-None-Match",
            in: "header",
            required: false,
            description: "ETags from earlier answers (RFC 9110); `*` matches any.",
            schema: { type: "string" },
          },
          {
            name: "Accept",
            in: "header",
            required: false,
            description: "`text/csv` for CSV; JSON otherwise.",
            schema: { type: "string" },
          },
        ],
        responses: {
          "200": {
            description: "The whitelist.",
            headers: {
              ETag: { $ref: "#/components/headers/ETag" },
              "Cache-Control": { description: "`no-cache`: revalidate every time.", schema: { type: "string" } },
            },
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/WhitelistDocument" } },
              // A Media Type Object has no description in OpenAPI 3.1: the CSV's is its schema's.
              "text/csv": {
                schema: {
                  type: "string",
                  description:
                    "RFC 4180 (comma, CRLF, header row), UTF-8; one row per (entry, certificate), one row with empty " +
                    "certificate columns for an entry without certificate. URLs separated by a space. Text starting " +
                    "with = + - @ is prefixed with an apostrophe. Columns: " +
                    WHITELIST_CSV_COLUMNS.join(", ") +
                    ".",
                },
              },
            },
          },
          "304": {
            description: "Unchanged since the ETag given in If-None-Match.",
            headers: { ETag: { $ref: "#/components/headers/ETag" } },
          },
          "401": {
            ...problem("No token, an unknown or a revoked token. Such calls are limited per client address and not logged."),
            headers: { "WWW-Authenticate": { schema: { type: "string", const: "Bearer" } } },
          },
          "429": {
            ...problem("Too many calls with this token, or too many calls without a valid token from this client address."),
            headers: { "Retry-After": { description: "Seconds.", schema: { type: "integer", minimum: 1 } } },
          },
        },
      },
    },

    "/api/v1/gateway/configuration": {
      get: {
        operationId: "getGatewayConfiguration",
        summary: "The nginx configuration of one environment, for the sync agent",
        description: "Needs a token with the gateway scope. The files come from the generator behind the reviewers' download page; the revision changes whenever they change.",
        parameters: [
          { name: "environment", in: "query", required: true, description: "The environment whose gateway polls.", schema: { type: "string", enum: ["TEST", "PRODUCTION"] } },
          { name: "If-None-Match", in: "header", required: false, description: "The ETag of the bundle applied last.", schema: { type: "string" } },
        ],
        responses: {
          "200": {
            description: "The bundle.",
            headers: { ETag: { $ref: "#/components/headers/GatewayETag" } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/GatewayBundle" } } },
          },
          "304": { description: "Unchanged since the ETag given in If-None-Match.", headers: { ETag: { $ref: "#/components/headers/GatewayETag" } } },
          "400": problem("No environment, or not TEST or PRODUCTION."),
          "401": problem("No token, an unknown or a revoked token."),
          "403": problem("The token has no gateway scope."),
          "409": problem("No certificate authority is active for the environment."),
          "429": problem("Too many calls with this token, or without a valid token from this client address."),
        },
      },
    },
    "/api/v1/gateway/reports": {
      post: {
        operationId: "postGatewayReport",
        summary: "What the sync agent applied, or failed to apply",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/GatewayReport" } } } },
        responses: {
          "201": {
            description: "Stored.",
            content: { "application/json": { schema: { type: "object", required: ["id"], properties: { id: { type: "string" } } } } },
          },
          "400": problem("Not JSON, or not a report."),
          "401": problem("No token, an unknown or a revoked token."),
          "403": problem("The token has no gateway scope."),
          "413": problem("Over 16 KiB."),
          "422": problem("The revision was never served for this environment."),
          "429": problem("Too many calls with this token, or without a valid token from this client address."),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      apiToken: {
        type: "http",
        scheme: "bearer",
        description: "An API token created by an administrator of the portal (shown once, revocable).",
      },
    },
    headers: {
      GatewayETag: {
        description: "Strong entity tag of the bundle (SHA-256 of its bytes).",
        schema: { type: "string", pattern: '^"[A-Za-z0-9_-]{43}"$' },
      },
      ETag: {
        description: "Strong entity tag of this representation; JSON and CSV have different ones.",
        schema: { type: "string", pattern: '^"[A-Za-z0-9_-]{43}\\.(json|csv)"$' },
      },
    },
    schemas: {
      GatewayBundle: {
        type: "object",
        additionalProperties: false,
        required: ["version", "environment", "revision", "generatedAt", "files"],
        properties: {
          version: { type: "integer", const: 1 },
          environment: { type: "string", enum: ["TEST", "PRODUCTION"] },
          revision: { type: "string", pattern: "^[1-9][0-9]*$", description: "To be given back in the report." },
          generatedAt: ISO_INSTANT,
          files: {
            type: "object",
            description: "File name to content: ror-whitelist-http.conf, ror-whitelist-server.conf, ror-ca-bundle.pem.",
            additionalProperties: { type: "string" },
          },
        },
      },
      GatewayReport: {
        type: "object",
        additionalProperties: false,
        required: ["environment", "revision", "result", "appliedAt", "message"],
        properties: {
          environment: { type: "string", enum: ["TEST", "PRODUCTION"] },
          revision: { type: "string", pattern: "^[1-9][0-9]{0,17}$" },
          result: { type: "string", enum: ["applied", "failed"] },
          appliedAt: ISO_INSTANT,
          message: { type: "string", maxLength: 4000, description: "What nginx -t or the reload said." },
        },
      },
      WhitelistDocument: {
        type: "object",
        additionalProperties: false,
        required: ["generatedAt", "version", "level1", "entries"],
        properties: {
          generatedAt: ISO_INSTANT,
          version: { type: "integer", const: WHITELIST_FORMAT_VERSION, description: "Version of this document format." },
          level1: {
            type: "object",
            additionalProperties: false,
            required: ["perApiPerSecond"],
            properties: {
              perApiPerSecond: { ...quota, description: "Default calls per second on a ROR API, all callers together (an API of `apis` has its own)." },
              apis: {
                type: "array",
                description: "The ROR APIs the gateway protects, by path prefix, each with its own level 1 (calls per second, all callers together).",
                items: {
                  type: "object",
                  additionalProperties: false,
                  required: ["name", "pathPrefix", "access", "level1PerSecond"],
                  properties: {
                    name: { type: "string", minLength: 1, maxLength: 100 },
                    pathPrefix: { type: "string", maxLength: 100, pattern: "^/([A-Za-z0-9._-]+/)+$" },
                    access: { type: "string", enum: ["authenticated", "public"] },
                    level1PerSecond: quota,
                  },
                },
              },
            },
          },
          entries: { type: "array", items: { $ref: "#/components/schemas/WhitelistEntry" } },
        },
      },
      WhitelistEntry: {
        type: "object",
        additionalProperties: false,
        required: [
          "enrolmentId",
          "status",
          "approvedAt",
          "environment",
          "organisation",
          "service",
          "urls",
          "accessProfile",
          "quotas",
          "certificates",
        ],
        properties: {
          enrolmentId: { type: "string", minLength: 1 },
          status: { type: "string", const: "ACTIVE" },
          approvedAt: ISO_INSTANT,
          environment: { type: "string", enum: ["TEST", "PRODUCTION"] },
          organisation: {
            type: "object",
            additionalProperties: false,
            required: ["name", "siret"],
            properties: { name: { type: "string", minLength: 1 }, siret: { type: "string", pattern: "^[0-9]{14}$" } },
          },
          service: {
            type: "object",
            additionalProperties: false,
            required: ["id", "name"],
            properties: { id: { type: "string", minLength: 1 }, name: { type: "string", minLength: 1 } },
          },
          urls: { type: "array", uniqueItems: true, items: { type: "string", format: "uri" } },
          accessProfile: {
            type: "object",
            additionalProperties: false,
            required: ["code", "label"],
            properties: { code: { type: "string", minLength: 1 }, label: { type: "string" } },
          },
          quotas: {
            type: "object",
            additionalProperties: false,
            required: ["authenticatedPerSecond", "publicPerSecond"],
            description: "Level 2: calls per second allowed to this service.",
            properties: { authenticatedPerSecond: quota, publicPerSecond: quota },
          },
          certificates: {
            type: "array",
            description: "Client certificates valid at generatedAt; empty only for a profile that needs none.",
            items: { $ref: "#/components/schemas/WhitelistCertificate" },
          },
        },
      },
      WhitelistCertificate: {
        type: "object",
        additionalProperties: false,
        required: ["fingerprintSha256", "fingerprintSha1", "subjectDn", "issuerDn", "notBefore", "notAfter"],
        properties: {
          fingerprintSha256: { type: "string", pattern: "^[0-9a-f]{64}$", description: "SHA-256 of the DER, lowercase hex." },
          fingerprintSha1: {
            type: "string",
            pattern: "^[0-9a-f]{40}$",
            description: "SHA-1 of the DER, lowercase hex: nginx's $ssl_client_fingerprint, after chain verification.",
          },
          subjectDn: { type: "string" },
          issuerDn: { type: "string" },
          notBefore: ISO_INSTANT,
          notAfter: ISO_INSTANT,
        },
      },
      Problem: {
        type: "object",
        description: "RFC 9457 problem details.",
        required: ["title", "status"],
        properties: {
          type: { type: "string" },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
        },
      },
    },
  },
} as const;
