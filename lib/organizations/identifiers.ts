// Checks of French identifiers (pure). Each returns a French reason when invalid, or null when valid.

const LA_POSTE_SIREN = "356000000";
const LA_POSTE_HEAD_OFFICE_SIRET = "35600000000048";

/** Luhn over a string of digits, the check digit being the last one. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Removes the spaces people type between digit groups ("732 829 320 00074"). */
export function normalizeIdentifier(value: string): string {
  return value.replace(/[\s\u00a0.]/g, "").toUpperCase();
}

export function sirenProblem(raw: string): string | null {
  const siren = normalizeIdentifier(raw);
  if (!/^\d{9}$/.test(siren)) return "Le SIREN doit comporter exactement 9 chiffres.";
  if (!passesLuhn(siren)) return "Ce SIREN n'est pas valide (clé de contrôle incorrecte).";
  return null;
}

export function siretProblem(raw: string): string | null {
  const siret = normalizeIdentifier(raw);
  if (!/^\d{14}$/.test(siret)) return "Le SIRET doit comporter exactement 14 chiffres.";
  // La Poste's establishments share one SIREN and use a sum-of-digits rule instead of Luhn.
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== LA_POSTE_HEAD_OFFICE_SIRET) {
    const digitSum = [...siret].reduce((sum, c) => sum + Number(c), 0);
    return digitSum % 5 === 0 ? null : "Ce SIRET n'est pas valide (clé de contrôle incorrecte).";
  }
  if (!passesLuhn(siret)) return "Ce SIRET n'est pas valide (clé de contrôle incorrecte).";
  return null;
}

export function finessProblem(raw: string): string | null {
  const finess = normalizeIdentifier(raw);
  if (!/^(\d{2}|2A|2B)\d{7}$/.test(finess)) {
    return "Le numéro FINESS doit comporter 9 caractères : des chiffres, ou 2A / 2B pour la Corse en tête.";
  }
  // The check digit is only known for all-digit numbers; Corsican numbers are checked for format alone.
  if (/^\d{9}$/.test(finess) && !passesLuhn(finess)) {
    return "Ce numéro FINESS n'est pas valide (clé de contrôle incorrecte).";
  }
  return null;
}

export const isValidSiret = (value: string) => siretProblem(value) === null;
export const isValidSiren = (value: string) => sirenProblem(value) === null;
export const isValidFiness = (value: string) => finessProblem(value) === null;

export function sirenOfSiret(siret: string): string {
  return normalizeIdentifier(siret).slice(0, 9);
}
