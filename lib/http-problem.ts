// Pure: an HTTP problem answer (RFC 9457, application/problem+json) with a French title and detail, never cached.
// `fieldErrors` carries what a form shows next to its fields.

export type Problem = { type: "about:blank"; title: string; status: number; detail: string; fieldErrors?: Record<string, string> };

export function problemResponse(status: number, title: string, detail: string, options: { fieldErrors?: Record<string, string>; headers?: Record<string, string> } = {}): Response {
  const body: Problem = { type: "about:blank", title, status, detail, ...(options.fieldErrors ? { fieldErrors: options.fieldErrors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...options.headers },
  });
}
