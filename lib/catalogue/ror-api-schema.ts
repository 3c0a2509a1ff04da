// Pure: the catalogue of ROR APIs the gateway protects (issue 24): what an administrator may type, and the defaults
// the catalogue is seeded with. The path prefix becomes an nginx `location` prefix, so it is held to characters
// nginx takes literally and may not overlap another API's prefix (nginx would route by the longest match, silently).
import { z } from "zod";
import { withoutControlCharacters } from "../validation";
import { QUOTA_MAX, QUOTA_MIN, QUOTA_RANGE_MESSAGE } from "../vocabulary";

export const ROR_API_KINDS = ["AUTHENTICATED", "PUBLIC"] as const;
export type RorApiKind = (typeof ROR_API_KINDS)[number];
export const ROR_API_KIND_LABELS: Record<RorApiKind, string> = { AUTHENTICATED: "Données authentifiées", PUBLIC: "Données publiques" };

/** The charter's level 1: calls per second per API, all callers together. */
export const DEFAULT_LEVEL1_PER_API = 100;

export const ROR_API_DEFAULTS = [
  { name: "API FHIR du ROR", pathPrefix: "/fhir/", kind: "AUTHENTICATED", level1PerSecond: DEFAULT_LEVEL1_PER_API },
  { name: "Services web historiques du ROR", pathPrefix: "/ws/", kind: "AUTHENTICATED", level1PerSecond: DEFAULT_LEVEL1_PER_API },
  { name: "API open data du ROR", pathPrefix: "/opendata/", kind: "PUBLIC", level1PerSecond: DEFAULT_LEVEL1_PER_API },
] as const satisfies readonly { name: string; pathPrefix: string; kind: RorApiKind; level1PerSecond: number }[];

// Letters, digits and - . _ between slashes: nothing nginx reads as a regex, a variable ($), a block ({ }), a
// statement end (;), a quote or whitespace, and no percent-encoding (nginx matches the decoded URI).
const PREFIX_PATTERN = /^\/(?:[A-Za-z0-9._-]+\/)+$/;
export const PREFIX_FORMAT_MESSAGE =
  "Saisissez un préfixe de chemin de la forme /fhir/ : des lettres sans accent, chiffres, tirets, points ou soulignés entre des barres obliques, commençant et finissant par /.";

export const rorApiInput = z.object({
  // A NUL would reach PostgreSQL (which refuses it in text) and a line break the pages: control characters go.
  name: z
    .string()
    .transform(withoutControlCharacters)
    .pipe(z.string().trim().min(1, "Saisissez le nom de l'API.").max(100, "Le nom ne peut pas dépasser 100 caractères.")),
  pathPrefix: z
    .string()
    .trim()
    .max(100, "Le préfixe ne peut pas dépasser 100 caractères.")
    .refine((p) => PREFIX_PATTERN.test(p) && !p.split("/").some((segment) => segment === "." || segment === ".."), PREFIX_FORMAT_MESSAGE),
  kind: z.enum(ROR_API_KINDS, { error: "Choisissez le type de données de l'API." }),
  level1PerSecond: z.coerce
    .number({ error: QUOTA_RANGE_MESSAGE })
    .refine((n) => Number.isSafeInteger(n) && n >= QUOTA_MIN && n <= QUOTA_MAX, QUOTA_RANGE_MESSAGE),
});
export type RorApiInput = z.infer<typeof rorApiInput>;

/**
 * Two prefixes overlap when one starts with the other: nginx would send the longer one's calls to the longer
 * location only, so one API's quota would silently stop counting them. Returns the French error, or null.
 */
export function prefixOverlap(pathPrefix: string, others: readonly { name: string; pathPrefix: string }[]): string | null {
  const clash = others.find((o) => o.pathPrefix.startsWith(pathPrefix) || pathPrefix.startsWith(o.pathPrefix));
  return clash ? `Ce préfixe recouvre celui de l'API « ${clash.name} » (${clash.pathPrefix}) : choisissez un préfixe distinct.` : null;
}
