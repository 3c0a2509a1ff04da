import { passesLuhn } from "../../lib/organizations/identifiers";

/** A random SIRET that passes Luhn, so parallel sign-ups never collide. */
export function randomSiret(): string {
  for (;;) {
    const base = Array.from({ length: 13 }, () => Math.floor(Math.random() * 10)).join("");
    if (base.startsWith("356")) continue;
    for (let key = 0; key < 10; key++) {
      if (passesLuhn(base + key)) return base + key;
    }
  }
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@exemple.fr`;
}
