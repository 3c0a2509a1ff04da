// API tokens for the gateway's machine API, and the per-token rate limit's arithmetic. Pure: randomness and the
// clock are passed in.
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const API_TOKEN_PREFIX = "rorwl_";
/** 32 random bytes, base64url: 43 characters after the prefix. */
export const API_TOKEN_SECRET_BYTES = 32;
const TOKEN_SHAPE = /^rorwl_[A-Za-z0-9_-]{43}$/;

export function apiTokenFromBytes(bytes: Uint8Array): string {
  if (bytes.byteLength !== API_TOKEN_SECRET_BYTES) throw new Error("an API token needs 32 random bytes");
  return API_TOKEN_PREFIX + Buffer.from(bytes).toString("base64url");
}

/** Lowercase hex SHA-256 of the token: all the database keeps. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What administrators see to recognise a token: its prefix and first characters, never enough to use it. */
export function apiTokenHint(token: string): string {
  return token.slice(0, API_TOKEN_PREFIX.length + 6);
}

/**
 * The token of an `Authorization: Bearer …` header, or "" when absent or malformed. A malformed value goes through
 * the same hashing, lookup and comparison as any other, so refusing it takes the same time.
 */
export function bearerToken(header: string | null | undefined): string {
  const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header ?? "");
  const token = match?.[1] ?? "";
  return TOKEN_SHAPE.test(token) ? token : "";
}

const ZERO_HASH = Buffer.alloc(32);

/** Constant-time comparison of two hex SHA-256 digests; a missing stored hash compares against zeros. */
export function sameTokenHash(storedHex: string | null | undefined, presentedHex: string): boolean {
  const stored = storedHex && /^[0-9a-f]{64}$/.test(storedHex) ? Buffer.from(storedHex, "hex") : ZERO_HASH;
  const presented = /^[0-9a-f]{64}$/.test(presentedHex) ? Buffer.from(presentedHex, "hex") : ZERO_HASH;
  const equal = timingSafeEqual(stored, presented);
  return equal && storedHex !== null && storedHex !== undefined && stored !== ZERO_HASH;
}

export const apiTokenNameSchema = z.object({
  name: z
    .string({ error: "Saisissez le nom du jeton." })
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(3, "Le nom doit contenir entre 3 et 80 caractères.")
        .max(80, "Le nom doit contenir entre 3 et 80 caractères.")
        .refine((value) => !/[<>\u0000-\u001f\u007f]/.test(value), "Le nom ne peut pas contenir les caractères < et > ni de caractères non imprimables."),
    ),
});

// ── Scopes (issue 25, ADR 0058) ───────────────────────────────────────────────────────────────────────────────

export const API_TOKEN_SCOPES = ["whitelist", "gateway"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_SCOPE_LABELS: Record<ApiTokenScope, string> = {
  whitelist: "Liste blanche (lecture de GET /api/v1/whitelist)",
  gateway: "Passerelle (configuration nginx et comptes rendus de l'agent de synchronisation)",
};

export const apiTokenScopesSchema = z
  .array(z.enum(API_TOKEN_SCOPES, { error: "Ce droit n'existe pas." }), { error: "Choisissez au moins un droit." })
  .min(1, "Choisissez au moins un droit.")
  .transform((scopes) => API_TOKEN_SCOPES.filter((scope) => scopes.includes(scope)));

/** The creation form: a name and at least one scope. */
export const apiTokenCreationSchema = apiTokenNameSchema.extend({ scopes: apiTokenScopesSchema });

/** Whether a stored token's scopes grant this one; unknown stored values grant nothing. */
export function hasScope(scopes: readonly string[] | null | undefined, scope: ApiTokenScope): boolean {
  return (scopes ?? []).includes(scope);
}

// ── Rate limit: a fixed window per token ─────────────────────────────────────────────────────────────────────────

export const RATE_WINDOW_MS = 60_000;

export function rateWindowStart(now: Date, windowMs = RATE_WINDOW_MS): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Whole seconds until the window ends, at least 1 (Retry-After). */
export function retryAfterSeconds(now: Date, windowMs = RATE_WINDOW_MS): number {
  const end = rateWindowStart(now, windowMs).getTime() + windowMs;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}


/** Which representation the client asked for: CSV when Accept names text/csv with a non-zero weight. */
export function wantsCsv(accept: string | null | undefined): boolean {
  if (!accept) return false;
  return accept.split(",").some((part) => {
    const [type, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (type !== "text/csv") return false;
    const q = params.find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
