// Pure: the one reading of an optional file input. A file input left empty still posts a part, without a file
// name and without content, which arrives as an empty File named "" (or "undefined", as some runtimes decode it).
// A chosen empty file has a real name: it is a file, and the use case refuses it as empty.

export function chosenFile(value: FormDataEntryValue | null | undefined): File | null {
  if (!(value instanceof File)) return null;
  if (value.size === 0 && (value.name === "" || value.name === "undefined")) return null;
  return value;
}
