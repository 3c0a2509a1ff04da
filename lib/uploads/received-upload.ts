// Pure: what an upload form sent, once read (by the streaming reader or from a server action's FormData).

export type ReceivedFile = { field: string; name: string; bytes: Uint8Array };
export type ReceivedUpload = { fields: Record<string, string>; files: ReceivedFile[] };

/** The files of one field, in the order they came. */
export function filesIn(upload: ReceivedUpload, field: string): ReceivedFile[] {
  return upload.files.filter((file) => file.field === field);
}

export function textIn(upload: ReceivedUpload, field: string): string | undefined {
  return upload.fields[field];
}
