// Pure: the one reading of an optional file input. A file input left empty still posts a part, without a file
// name and without content, which arrives as an empty File named "" (or "undefined", or "blob", as runtimes and
// client encoders decode it). A chosen empty file has a real name: it is a file, and the use case refuses it as empty.

const NAMES_OF_NO_FILE = new Set(["", "undefined", "blob"]);

export function chosenFile(value: FormDataEntryValue | null | undefined): File | null {
  if (!(value instanceof File)) return null;
  if (value.size === 0 && NAMES_OF_NO_FILE.has(value.name)) return null;
  return value;
}

/**
 * Pasted text of a text area, or null when nothing but blanks was typed (a text area left empty, or holding the line
 * break browsers keep). Anything else than a string (a part posted as a file) is not pasted text.
 */
export function pastedText(value: FormDataEntryValue | null | undefined): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** What a "file, or paste its content" pair of fields holds: exactly one of them, both, or neither. */
export type FileOrText =
  | { kind: "file"; file: File }
  | { kind: "text"; text: string }
  | { kind: "both"; file: File; text: string }
  | { kind: "neither" };

/** The one reading of a file input and the text area beside it, for every upload that accepts either. */
export function fileOrText(file: FormDataEntryValue | null | undefined, text: FormDataEntryValue | null | undefined): FileOrText {
  const chosen = chosenFile(file);
  const pasted = pastedText(text);
  if (chosen && pasted !== null) return { kind: "both", file: chosen, text: pasted };
  if (chosen) return { kind: "file", file: chosen };
  if (pasted !== null) return { kind: "text", text: pasted };
  return { kind: "neither" };
}
