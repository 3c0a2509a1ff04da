// Pure: what an SMTP failure means for the message. A 5xx reply is permanent (RFC 5321 §4.2.1: do not repeat the
// same request): the message fails at once. Anything else — a 4xx reply, a refused or dropped connection, a
// timeout — is temporary and retried.

export type SmtpFailure = { permanent: boolean; responseCode: number | null; description: string };

export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as { responseCode?: unknown; code?: unknown; message?: unknown; response?: unknown };
  const responseCode = typeof e.responseCode === "number" && Number.isInteger(e.responseCode) ? e.responseCode : null;
  const permanent = responseCode !== null && responseCode >= 500 && responseCode < 600;
  const text = typeof e.response === "string" && e.response !== "" ? e.response : typeof e.message === "string" ? e.message : String(error);
  const code = typeof e.code === "string" ? e.code : null;
  const description = [code, text.replace(/\s+/g, " ").trim()].filter(Boolean).join(" : ").slice(0, 1000);
  return { permanent, responseCode, description };
}
