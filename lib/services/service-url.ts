import { z } from "zod";
import { ENVIRONMENT_LABELS, ENVIRONMENTS, type Environment } from "../vocabulary";

// Pure: the rules for a service's URL, per environment. A URL goes into the trust space's whitelist, so it must
// name a public HTTPS endpoint, unambiguously:
// - `https` only, complete (scheme and host), at most 2048 characters, no spaces or control characters;
// - no credentials (`user:pass@`), no query string (`?`), no fragment (`#`);
// - a public host name: labels of letters, digits and hyphens (not at either end), at least two labels, a
//   top-level domain that is not numeric. An internationalised name (IDN) is accepted and stored in its ASCII
//   (punycode) form, as `new URL` normalises it. IP addresses (v4 and v6, in any notation) are refused, and so
//   are the special-use names that never resolve on the Internet (RFC 6761, 6762, 8375): `localhost` and
//   `*.localhost`, `.local`, `.internal`, `.home.arpa`, `.test`, `.example`, `.invalid`.
// A port is allowed. The stored form is normalised: lowercase scheme and host, default port dropped, dot
// segments resolved, and no trailing slash (`https://a.fr/api/` and `https://a.fr/api` are the same URL; the
// root is stored as `https://a.fr`). Duplicates are compared on that form.

export const SERVICE_URL_MAX_LENGTH = 2048;

export const SERVICE_ENVIRONMENTS = ENVIRONMENTS;
export type ServiceEnvironmentCode = Environment;
export const SERVICE_ENVIRONMENT_LABELS = ENVIRONMENT_LABELS;

export const URL_MESSAGES = {
  empty: "Saisissez l'URL du service.",
  tooLong: `L'URL ne peut pas dépasser ${SERVICE_URL_MAX_LENGTH} caractères.`,
  spaces: "L'URL ne doit contenir ni espace ni caractère de contrôle.",
  malformed: "Saisissez une URL complète qui commence par https://, par exemple https://service.exemple.fr/ror.",
  notHttps: "L'URL doit commencer par https:// : les connexions non chiffrées (http://) sont refusées.",
  credentials: "L'URL ne doit pas contenir d'identifiant ni de mot de passe (forme utilisateur:motdepasse@).",
  query: "L'URL ne doit pas contenir de paramètres (partie commençant par « ? »).",
  fragment: "L'URL ne doit pas contenir de fragment (partie commençant par « # »).",
  ipAddress: "Indiquez un nom de domaine public, pas une adresse IP.",
  reservedName: "Indiquez un nom de domaine public : localhost et les noms réservés aux réseaux locaux ou aux tests sont refusés.",
  hostName: "Le nom de domaine n'est pas valide : lettres, chiffres, tirets et points, par exemple service.exemple.fr.",
  duplicate: "Cette URL est déjà déclarée pour cet environnement.",
} as const;

export type ServiceUrlCheck = { ok: true; url: string } | { ok: false; message: string };

const SPECIAL_USE_SUFFIXES = ["localhost", "local", "internal", "home.arpa", "test", "example", "invalid"];
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function hostProblem(hostname: string): string | null {
  // WHATWG URL parsing turns every numeric host (127.1, 0x7f.0.0.1, 2130706433...) into dotted IPv4.
  if (hostname.startsWith("[") || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname)) return URL_MESSAGES.ipAddress;
  if (SPECIAL_USE_SUFFIXES.some((suffix) => hostname === suffix || hostname.endsWith(`.${suffix}`))) return URL_MESSAGES.reservedName;
  if (hostname.length > 253) return URL_MESSAGES.hostName;
  const labels = hostname.split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return URL_MESSAGES.hostName;
  if (/^\d+$/.test(labels.at(-1) ?? "")) return URL_MESSAGES.hostName;
  return null;
}

/** Checks a URL typed by an editor and returns its normalised form, or the French reason it is refused. */
export function checkServiceUrl(raw: string): ServiceUrlCheck {
  const value = raw.trim();
  if (value === "") return { ok: false, message: URL_MESSAGES.empty };
  if (value.length > SERVICE_URL_MAX_LENGTH) return { ok: false, message: URL_MESSAGES.tooLong };
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return { ok: false, message: URL_MESSAGES.spaces };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === "http") return { ok: false, message: URL_MESSAGES.notHttps };
  if (scheme !== undefined && scheme !== "https") return { ok: false, message: URL_MESSAGES.notHttps };

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: URL_MESSAGES.malformed };
  }
  if (url.protocol !== "https:") return { ok: false, message: URL_MESSAGES.notHttps };
  // `new URL` drops an empty user part ("https://@host"); the typed text still shows the intent.
  const authority = /^https:[/\\]*([^/\\?#]*)/i.exec(value)?.[1] ?? "";
  if (url.username !== "" || url.password !== "" || authority.includes("@")) return { ok: false, message: URL_MESSAGES.credentials };
  if (url.search !== "" || value.includes("?")) return { ok: false, message: URL_MESSAGES.query };
  if (url.hash !== "" || value.includes("#")) return { ok: false, message: URL_MESSAGES.fragment };
  const problem = hostProblem(url.hostname);
  if (problem) return { ok: false, message: problem };

  const path = url.pathname.replace(/\/+$/, "");
  const normalised = `https://${url.host}${path}`;
  if (normalised.length > SERVICE_URL_MAX_LENGTH) return { ok: false, message: URL_MESSAGES.tooLong };
  return { ok: true, url: normalised };
}

export const serviceUrlSchema = z.object({
  environment: z.enum(SERVICE_ENVIRONMENTS, { error: "Choisissez l'environnement de l'URL." }),
  url: z
    .string({ error: URL_MESSAGES.empty })
    .max(SERVICE_URL_MAX_LENGTH * 2, URL_MESSAGES.tooLong)
    .transform((value, ctx) => {
      const check = checkServiceUrl(value);
      if (check.ok) return check.url;
      ctx.addIssue({ code: "custom", message: check.message });
      return z.NEVER;
    }),
});

export type ServiceUrlInput = z.input<typeof serviceUrlSchema>;
export type ServiceUrlData = z.output<typeof serviceUrlSchema>;
