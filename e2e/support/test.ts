import { test as base, expect, type Browser, type BrowserContext, type ConsoleMessage } from "@playwright/test";
import { recordSeenSecrets } from "../../lib/testing/e2e-run";

// The one `test` every spec imports (ESLint forbids @playwright/test's own in specs). Around each test it:
//   - fails the test on any Content-Security-Policy violation any of its pages reports in the browser console
//     (ADR 0024), in the default context and in every context the test opens itself;
//   - records the session cookies its browsers held, which e2e/logs.audit.ts then looks for in the servers' logs
//     (ADR 0025).

/** Chromium's console line for a blocked (or, report-only, reported) script, style, frame, connection… */
export function isCspViolation(text: string): boolean {
  return /Content Security Policy|Content-Security-Policy/i.test(text) && /refused|violat|blocked/i.test(text);
}

const SESSION_COOKIE = /(^|\.)authjs\.session-token(\.\d+)?$/;

type CspGuard = { violations: string[]; watch(context: BrowserContext): void };

function guard(): CspGuard {
  const violations: string[] = [];
  const watched = new WeakSet<BrowserContext>();
  return {
    violations,
    watch(context) {
      if (watched.has(context)) return;
      watched.add(context);
      context.on("console", (message: ConsoleMessage) => {
        if (isCspViolation(message.text())) violations.push(`${message.page()?.url() ?? "?"} : ${message.text()}`);
      });
    },
  };
}

async function sessionCookiesOf(context: BrowserContext): Promise<string[]> {
  try {
    return (await context.cookies()).filter((c) => SESSION_COOKIE.test(c.name)).map((c) => c.value);
  } catch {
    return []; // already closed
  }
}

export const test = base.extend<{ cspGuard: CspGuard }>({
  cspGuard: [
    async ({ browser, context }, use) => {
      const cspGuard = guard();
      const contexts: BrowserContext[] = [context];
      const seen = new Set<string>();
      const keep = async (ctx: BrowserContext) => (await sessionCookiesOf(ctx)).forEach((v) => seen.add(v));
      cspGuard.watch(context);
      // Contexts the test opens itself (browser.newContext(), browser.newPage()) are watched too; their cookies are
      // read before they close.
      const originalNewContext = browser.newContext;
      const patched: Browser["newContext"] = async function (this: Browser, ...args) {
        const ctx = await originalNewContext.apply(this, args);
        cspGuard.watch(ctx);
        contexts.push(ctx);
        const close = ctx.close.bind(ctx);
        ctx.close = async (...closeArgs) => {
          await keep(ctx);
          return close(...closeArgs);
        };
        return ctx;
      };
      browser.newContext = patched;
      // Playwright runs what follows `use` whether the test passed or failed.
      await use(cspGuard);
      browser.newContext = originalNewContext;
      for (const ctx of contexts) await keep(ctx);
      recordSeenSecrets([...seen]);
      expect(cspGuard.violations, "Violations de la Content-Security-Policy dans la console du navigateur").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
