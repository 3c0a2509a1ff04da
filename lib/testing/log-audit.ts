// Pure: what the e2e log audit looks for (e2e/logs.audit.ts, ADR 0025).

/**
 * The secret part of the single-use links in e-mails: the segment a route pattern names `[token]` (from Next's
 * routes, e.g. "/invitation/[token]", "/signature/[token]"), and any query value shaped like a token.
 */
export function linkTokens(mailTexts: readonly string[], routePatterns: readonly string[]): string[] {
  const withToken = routePatterns
    .map((pattern) => pattern.split("/").filter((s) => s !== ""))
    .filter((segments) => segments.includes("[token]"));
  const tokens = new Set<string>();
  for (const text of mailTexts) {
    for (const [raw] of text.matchAll(/https?:\/\/[^\s<>"')]+/g)) {
      let url: URL;
      try {
        url = new URL(raw.replace(/[.,;:!?]+$/, ""));
      } catch {
        continue;
      }
      const parts = url.pathname.split("/").filter((s) => s !== "");
      for (const segments of withToken) {
        if (segments.length > parts.length) continue;
        const fits = segments.every((s, i) => s.startsWith("[") || s === parts[i]);
        if (fits) tokens.add(decodeURIComponent(parts[segments.indexOf("[token]")]!));
      }
      for (const value of url.searchParams.values()) if (/^[A-Za-z0-9_-]{20,}$/.test(value)) tokens.add(value);
    }
  }
  return [...tokens];
}

/** The forbidden values found in the logs, each shown by its first characters only. */
export function leakedSecrets(logs: string, secrets: readonly string[]): string[] {
  return [...new Set(secrets.filter((s) => s.length >= 8 && logs.includes(s)))].map((s) => `${s.slice(0, 6)}… (${s.length} caractères)`);
}

/** Machine API tokens (rorwl_…) and bearer headers written out in the logs. */
export function tokenShapes(logs: string): string[] {
  return [...logs.matchAll(/rorwl_[A-Za-z0-9_-]{43}|Bearer [A-Za-z0-9._~+/-]{20,}/g)].map((m) => `${m[0].slice(0, 10)}…`);
}
