// Pure: how many sign-ups, password recovery requests and invitation acceptances one client address may make (ADR
// 0020). The same rule as the sign-in limit per address (ADR 0016, decideAddressLimit), over counts from PostgreSQL so
// that it holds across instances; each kind is counted apart.
import { decideAddressLimit, type AddressLimit } from "../auth/sign-in-limit";

export type AccountRequestKind = "SIGN_UP" | "PASSWORD_RECOVERY" | "INVITATION_ACCEPTANCE";

export const ACCOUNT_REQUEST_WINDOW_MINUTES = 60;
/** Production's default (ACCOUNT_REQUESTS_PER_ADDRESS_PER_HOUR). */
export const DEFAULT_ACCOUNT_REQUESTS_PER_HOUR = 20;

export function accountRequestLimit(perHour: number = DEFAULT_ACCOUNT_REQUESTS_PER_HOUR): AddressLimit {
  return { windowMinutes: ACCOUNT_REQUEST_WINDOW_MINUTES, maxPerAddress: perHour };
}

export { decideAddressLimit as decideAccountRequest };

const WHAT: Record<AccountRequestKind, string> = {
  SIGN_UP: "Trop de créations de compte depuis votre adresse réseau.",
  PASSWORD_RECOVERY: "Trop de demandes de réinitialisation depuis votre adresse réseau.",
  INVITATION_ACCEPTANCE: "Trop d'invitations acceptées depuis votre adresse réseau.",
};

/** The French message of a refusal, with the wait rounded up to the minute. */
export function accountRequestRefusalMessage(kind: AccountRequestKind, retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `${WHAT[kind]} Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`;
}
