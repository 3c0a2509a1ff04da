import { diffWords } from "diff";

// Pure: what changed between two versions of a text, word by word (jsdiff's diffWords), so a reviewer sees the
// words that were removed and added instead of a whole text struck and re-added. Words are compared whole: a
// change is never shown in the middle of a word.

export type DiffPart = { text: string; changed: boolean };

/** The text before, with its removed words marked, and the text after, with its added words marked. */
export type WordDiff = { before: DiffPart[]; after: DiffPart[] };

/** Past this many edits, the texts have little in common: both are shown as wholly changed. */
const MAX_EDITS = 500;

export function wordDiff(before: string, after: string): WordDiff {
  const changes = diffWords(before, after, { maxEditLength: MAX_EDITS });
  if (!changes) return { before: [{ text: before, changed: true }], after: [{ text: after, changed: true }] };
  const result: WordDiff = { before: [], after: [] };
  for (const change of changes) {
    if (!change.added) push(result.before, change.value, change.removed);
    if (!change.removed) push(result.after, change.value, change.added);
  }
  return result;
}

/** Adjacent parts of the same kind merge; the blank between two changed words stays inside the mark. */
function push(parts: DiffPart[], text: string, changed: boolean): void {
  const last = parts.at(-1);
  if (last && last.changed === changed) last.text += text;
  else parts.push({ text, changed });
}

/**
 * A text cut at its long unbroken tokens (fingerprints, serial numbers, URLs): only those may break anywhere to fit
 * a narrow column; words never break. Odd indexes are the long tokens.
 */
export function splitLongTokens(text: string, longerThan = 20): string[] {
  return text.split(new RegExp(`(\\S{${longerThan + 1},})`));
}
