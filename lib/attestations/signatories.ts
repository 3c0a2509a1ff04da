// Pure: the client signatories of an attestation (one to ten, Annex 1's "commanditaire(s)") and the order in which
// they are invited to sign (ADR 0053). The first signatory stays in the attestation's clientSignatory* columns, so
// that the previous release reads the same person; signatories 2 to 10 are a JSON list beside them.

export const MAX_CLIENT_SIGNATORIES = 10;

export type ClientSignatory = { lastName: string; firstName: string; function: string; email: string };
export type SigningOrder = "PARALLEL" | "ORDERED";

export const SIGNING_ORDER_LABELS: Record<SigningOrder, string> = {
  PARALLEL: "En parallèle : tous les signataires du client reçoivent leur lien en même temps",
  ORDERED: "Dans l'ordre : chaque signataire reçoit son lien quand le précédent a signé",
};

export const TOO_MANY_SIGNATORIES = `Une attestation compte ${MAX_CLIENT_SIGNATORIES} signataires du client au plus.`;
export const NO_SIGNATORY = "Indiquez au moins un signataire pour le client.";
export const DUPLICATE_EMAIL = "Cette adresse électronique est déjà celle d'un autre signataire du client.";

export function signatoryName(s: Pick<ClientSignatory, "firstName" | "lastName">): string {
  return [s.firstName, s.lastName].filter((part) => part.trim() !== "").join(" ");
}

const isBlank = (s: ClientSignatory) => s.lastName.trim() === "" && s.firstName.trim() === "" && s.function.trim() === "" && s.email.trim() === "";

/** Reads a stored JSON list of signatories (by default signatories 2 to 10), keeping only well-formed entries. */
export function parseAdditionalSignatories(value: unknown, max = MAX_CLIENT_SIGNATORIES - 1): ClientSignatory[] {
  if (!Array.isArray(value)) return [];
  const list: ClientSignatory[] = [];
  for (const entry of value) {
    if (typeof entry !== "object" || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const str = (key: string) => (typeof e[key] === "string" ? (e[key] as string) : "");
    list.push({ lastName: str("lastName"), firstName: str("firstName"), function: str("function"), email: str("email") });
  }
  return list.slice(0, max);
}

/** Every client signatory, in order: the first from the columns, then the others. A draft's empty first one counts. */
export function allSignatories(
  first: { clientSignatoryLastName: string; clientSignatoryFirstName: string; clientSignatoryFunction: string; clientSignatoryEmail: string },
  additional: readonly ClientSignatory[],
): ClientSignatory[] {
  return [
    { lastName: first.clientSignatoryLastName, firstName: first.clientSignatoryFirstName, function: first.clientSignatoryFunction, email: first.clientSignatoryEmail },
    ...additional.filter((s) => !isBlank(s)),
  ];
}

/** Field errors (dotted paths of the form) for an e-mail given to two signatories: the later one is marked. */
export function duplicateEmailErrors(signatories: readonly ClientSignatory[]): Record<string, string> {
  const seen = new Set<string>();
  const errors: Record<string, string> = {};
  signatories.forEach((s, index) => {
    const email = s.email.trim().toLowerCase();
    if (email === "") return;
    if (seen.has(email)) errors[index === 0 ? "clientSignatoryEmail" : `additionalClientSignatories.${index - 1}.email`] = DUPLICATE_EMAIL;
    seen.add(email);
  });
  return errors;
}

// ---------------------------------------------------------------------------------------------------------------
// Ordering

/** One client signatory's live signature row in a round, as ordering sees it. */
export type SignatoryState = { position: number; status: "PENDING" | "SIGNED" | "DECLINED" | "CANCELLED"; invited: boolean };

/** Who gets a link when the round is sent: everybody in parallel, the first one in order. */
export function initiallyInvited(count: number, order: SigningOrder): number[] {
  if (count < 1) return [];
  return order === "PARALLEL" ? Array.from({ length: count }, (_, i) => i) : [0];
}

/** In order, a signatory may sign only once every signatory before them has signed; in parallel, always. */
export function isTurnOf(position: number, order: SigningOrder, live: readonly SignatoryState[]): boolean {
  if (order === "PARALLEL") return true;
  return live.filter((s) => s.position < position).every((s) => s.status === "SIGNED");
}

/**
 * After a signature: the positions to invite now. In order, the first signatory who has not signed, when their
 * turn has come and they have no link yet; in parallel, nobody (everybody was invited at once).
 */
export function nextToInvite(order: SigningOrder, live: readonly SignatoryState[]): number[] {
  if (order === "PARALLEL") return [];
  const next = [...live].sort((a, b) => a.position - b.position).find((s) => s.status !== "SIGNED");
  if (!next || next.invited || next.status !== "PENDING" || !isTurnOf(next.position, order, live)) return [];
  return [next.position];
}

/** May the editor send (again) a link to this signatory now? Not before their turn, in order. */
export function mayInvite(position: number, order: SigningOrder, live: readonly SignatoryState[]): boolean {
  const self = live.find((s) => s.position === position);
  return self?.status === "PENDING" && isTurnOf(position, order, live);
}
