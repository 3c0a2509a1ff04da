import "server-only";
// The lookup behind the SIRET field of the sign-up and organisation forms (ADR 0049). Anonymous callers are limited
// per address (ADR 0027) so the portal is no free proxy to the register; a malformed SIRET asks nothing.
import { enforceAnonymousLimit } from "../anonymous-limit.server";
import type { Actor } from "../auth/permissions";
import type { RequestContext } from "../request.server";
import { siretSchema } from "./organization-schema";
import { companyRegister, type RegisterClient } from "./register-client.server";
import { registerPrefill, type RegisterPrefill } from "./register-prefill";

export async function lookUpSiretForPrefill(actor: Actor | null, raw: unknown, request: RequestContext, options: { register?: RegisterClient } = {}): Promise<RegisterPrefill> {
  const parsed = siretSchema.safeParse(raw);
  if (!parsed.success) return { status: "unavailable" };
  if (!actor) await enforceAnonymousLimit("registerLookup", request);
  return registerPrefill(await (options.register ?? companyRegister()).lookup(parsed.data));
}
