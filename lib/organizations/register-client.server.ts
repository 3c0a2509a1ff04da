import "server-only";
// The company register, by configuration (issue 22, ADR 0049): SIRENE_API_URL answering the open "recherche
// d'entreprises" format. Each lookup has a timeout; a circuit breaker per process stops asking a register that keeps
// failing. Never throws: a register that cannot be asked is "unavailable", and sign-up goes on without it.
import { env } from "../env.server";
import { CircuitBreaker, parseRegisterAnswer, type RegisterLookup } from "./register";

export const REGISTER_TIMEOUT_MS = 3_000;

export type RegisterClient = { lookup(siret: string): Promise<RegisterLookup> };

export function registerClient(options: { url: string; key?: string; timeoutMs?: number; breaker?: CircuitBreaker; now?: () => number }): RegisterClient {
  const breaker = options.breaker ?? new CircuitBreaker();
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? REGISTER_TIMEOUT_MS;
  return {
    async lookup(siret: string): Promise<RegisterLookup> {
      if (!breaker.allow(now())) return { status: "unavailable", reason: "circuit open" };
      const url = new URL("search", options.url.endsWith("/") ? options.url : `${options.url}/`);
      url.searchParams.set("q", siret);
      url.searchParams.set("page", "1");
      url.searchParams.set("per_page", "1");
      try {
        const response = await fetch(url, {
          headers: { Accept: "application/json", ...(options.key ? { "X-Client-Secret": options.key } : {}) },
          signal: AbortSignal.timeout(timeoutMs),
          redirect: "error",
        });
        if (!response.ok) {
          breaker.failure(now());
          return { status: "unavailable", reason: `HTTP ${response.status}` };
        }
        const parsed = parseRegisterAnswer(await response.json(), siret);
        if (!parsed) {
          breaker.failure(now());
          return { status: "unavailable", reason: "unreadable answer" };
        }
        breaker.success();
        return parsed;
      } catch (error) {
        breaker.failure(now());
        return { status: "unavailable", reason: error instanceof Error ? error.name : "error" };
      }
    },
  };
}

let configured: { url: string; client: RegisterClient } | null = null;

/** The configured register, or a lookup that always says "unavailable" when SIRENE_API_URL is unset. */
export function companyRegister(): RegisterClient {
  const { SIRENE_API_URL, SIRENE_API_KEY } = env();
  if (!SIRENE_API_URL) return { lookup: async () => ({ status: "unavailable", reason: "not configured" }) };
  if (configured?.url !== SIRENE_API_URL) configured = { url: SIRENE_API_URL, client: registerClient({ url: SIRENE_API_URL, key: SIRENE_API_KEY }) };
  return configured.client;
}
