// Reads a small request body as text, counting bytes as they arrive: past `maxBytes` the reading stops (ADR 0026),
// whether or not the body announced its length, so a body of unknown length is never buffered whole.

export async function readLimitedText(request: Request, maxBytes: number): Promise<string | "too_large"> {
  const announced = Number(request.headers.get("content-length") ?? 0);
  if (announced > maxBytes) return "too_large";
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return "too_large";
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
