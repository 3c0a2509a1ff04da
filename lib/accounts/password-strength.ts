// Pure: the quality a new password must have (ADR 0021). At least 12 characters; not in the common-password list of
// @zxcvbn-ts/language-common; and a zxcvbn score of 3 or more, with the French dictionaries and feedback of
// @zxcvbn-ts/language-fr. The server checks it on every password it sets; the strength meter of the forms runs the same
// code in the browser, loaded only when someone types a password (the dictionaries weigh a few megabytes).
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as frenchDictionary, translations } from "@zxcvbn-ts/language-fr";
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, PASSWORD_MESSAGES, type PasswordScore } from "./password-rules";

/**
 * zxcvbn runs on the server's main thread and its cost grows fast with the length and the l33t substitutions it tries
 * (100 digits took 2.5 s with its defaults). Only the first 64 characters are scored (the rest can only help) and at
 * most 10 substitutions tried: the slowest input measured then takes about 0.2 s, with the same scores on real passwords.
 */
const SCORED_LENGTH = 64;
const L33T_MAX_SUBSTITUTIONS = 10;

export type PasswordAssessment = {
  score: PasswordScore;
  acceptable: boolean;
  /** Why the password is refused (French, shown next to the field); null when it is acceptable. */
  problem: string | null;
  /** zxcvbn's advice, in French. */
  hints: string[];
};

let factory: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

function checker() {
  factory ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...frenchDictionary },
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
  });
  commonPasswords ??= new Set(commonDictionary["passwords-common"].map((p) => p.toLowerCase()));
  return { factory, commonPasswords };
}

/** Words of the person's own that a password must not lean on: the name's words and the address's local part. */
function personalWords(userInputs: readonly string[]): string[] {
  const words = new Set<string>();
  for (const input of userInputs) {
    const value = input.trim().toLowerCase();
    if (!value) continue;
    words.add(value);
    const local = value.includes("@") ? value.slice(0, value.indexOf("@")) : value;
    for (const part of local.split(/[\s.+_@-]+/)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** Scores a password and says, in French, why it would be refused. Deterministic: same password, same answer. */
export function assessPassword(password: string, userInputs: readonly string[] = []): PasswordAssessment {
  const { factory, commonPasswords } = checker();
  const words = personalWords(userInputs);
  const result = factory.check(password.slice(0, SCORED_LENGTH), words);
  const score = result.score as PasswordScore;
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter((h): h is string => typeof h === "string" && h.length > 0);
  const lowered = password.toLowerCase();
  let problem: string | null = null;
  if (password.length < MIN_PASSWORD_LENGTH) problem = PASSWORD_MESSAGES.tooShort;
  else if (commonPasswords.has(lowered)) problem = PASSWORD_MESSAGES.common;
  else if (words.some((w) => w.length >= 3 && lowered === w)) problem = PASSWORD_MESSAGES.personal;
  else if (score < MIN_PASSWORD_SCORE) problem = [PASSWORD_MESSAGES.weak, ...hints].join(" ");
  return { score, acceptable: problem === null, problem, hints };
}

/** The refusal of a new password, or null: what the server adds to a form's field errors. */
export function passwordProblem(password: string, userInputs: readonly string[] = []): string | null {
  return assessPassword(password, userInputs).problem;
}
