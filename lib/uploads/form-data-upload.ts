// The same upload read from a server action's FormData: the path of a form posted without JavaScript, which the
// server-action body limit (next.config.js) keeps small. Each file's announced size is checked before it is read,
// with the messages of the streaming path, so both paths hand the work the same ReceivedUpload.
import { chosenFile } from "../chosen-file";
import { AppError } from "../errors";
import type { ReceivedFile, ReceivedUpload } from "./received-upload";
import { UPLOAD_MESSAGES, type UploadKind } from "./upload-rules";

function fileError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { [field]: message });
}

export async function uploadFromFormData(formData: FormData, kind: UploadKind): Promise<ReceivedUpload> {
  const fields: Record<string, string> = {};
  for (const name of kind.textFields) {
    const value = formData.get(name);
    if (typeof value === "string") fields[name] = value;
  }
  const files: ReceivedFile[] = [];
  for (const rule of kind.files) {
    const chosen = formData
      .getAll(rule.field)
      .map((value) => chosenFile(value))
      .filter((file) => file !== null);
    if (chosen.length > rule.maxCount) throw fileError(rule.field, rule.tooMany ?? UPLOAD_MESSAGES.tooManyFiles(rule.maxCount));
    const big = chosen.find((file) => file.size > rule.maxBytes);
    if (big) throw fileError(rule.field, rule.tooLarge(big.name));
    for (const file of chosen) files.push({ field: rule.field, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  return { fields, files };
}
