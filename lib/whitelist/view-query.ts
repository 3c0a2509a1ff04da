// Pure: the whitelist view's URL (/instruction/liste-blanche?statut=…&environnement=…&profil=…&expiration=…&q=…&page=…),
// parsed without ever throwing: a wrong or forged value falls back to its default.
import { normalizeSearch } from "../applications/snapshot";
import type { EnrolmentStatus, WhitelistEnvironment } from "./entry";
import { withoutControlCharacters } from "../validation";

export const WHITELIST_PAGE_SIZE = 50;
export const WHITELIST_SEARCH_MAX_LENGTH = 100;

export const WHITELIST_STATUSES = {
  "en-vigueur": ["ACTIVE"],
  suspendues: ["SUSPENDED"],
  "actives-et-suspendues": ["ACTIVE", "SUSPENDED"],
  revoquees: ["REVOKED"],
  remplacees: ["SUPERSEDED"],
} as const satisfies Record<string, readonly EnrolmentStatus[]>;
export type WhitelistStatusSlug = keyof typeof WHITELIST_STATUSES;
export const WHITELIST_STATUS_LABELS: Record<WhitelistStatusSlug, string> = {
  "en-vigueur": "En vigueur",
  suspendues: "Suspendues",
  "actives-et-suspendues": "En vigueur et suspendues",
  revoquees: "Révoquées",
  remplacees: "Remplacées",
};

export const WHITELIST_ENVIRONMENT_SLUGS = { test: "TEST", production: "PRODUCTION" } as const satisfies Record<string, WhitelistEnvironment>;
export type WhitelistEnvironmentSlug = keyof typeof WHITELIST_ENVIRONMENT_SLUGS;
export { ENVIRONMENT_LABELS } from "../vocabulary";

export type WhitelistQuery = {
  status: WhitelistStatusSlug;
  environment: WhitelistEnvironmentSlug | null;
  profileCode: string | null;
  expiringSoon: boolean;
  search: string;
  page: number;
};

export const DEFAULT_WHITELIST_QUERY: WhitelistQuery = { status: "en-vigueur", environment: null, profileCode: null, expiringSoon: false, search: "", page: 1 };

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseWhitelistQuery(params: Params): WhitelistQuery {
  const status = first(params.statut);
  const environment = first(params.environnement);
  const profile = first(params.profil);
  const page = Number(first(params.page));
  return {
    status: status && Object.hasOwn(WHITELIST_STATUSES, status) ? (status as WhitelistStatusSlug) : "en-vigueur",
    environment: environment && Object.hasOwn(WHITELIST_ENVIRONMENT_SLUGS, environment) ? (environment as WhitelistEnvironmentSlug) : null,
    profileCode: profile && /^[A-Za-z0-9._-]{1,64}$/.test(profile) ? profile : null,
    expiringSoon: first(params.expiration) === "bientot",
    search: withoutControlCharacters(first(params.q) ?? "").trim().slice(0, WHITELIST_SEARCH_MAX_LENGTH),
    page: Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The URL parameters of a query, defaults left out, for links and pagination. */
export function whitelistQueryParams(query: WhitelistQuery, overrides: Partial<WhitelistQuery> = {}): string {
  const q = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (q.status !== "en-vigueur") params.set("statut", q.status);
  if (q.environment) params.set("environnement", q.environment);
  if (q.profileCode) params.set("profil", q.profileCode);
  if (q.expiringSoon) params.set("expiration", "bientot");
  if (q.search) params.set("q", q.search);
  if (q.page > 1) params.set("page", String(q.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Lower-case, accent-free text of a row, matched against the search like the review queue. */
export function matchesSearch(search: string, fields: readonly string[]): boolean {
  if (!search) return true;
  const haystack = normalizeSearch(fields.join(" "));
  return normalizeSearch(search)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
