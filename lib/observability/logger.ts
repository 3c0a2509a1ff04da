import pino, { type Logger } from "pino";
import { parseLogLevel } from "../env";
import { currentRequestScope } from "./request-scope";

// The portal's one logger: JSON lines on standard output (ADR 0025), each with the request id and user id of the
// request under way. Never give it a secret, a token, a link, a password or a raw URL: routes are logged as their
// pattern (route-pattern.ts). Known secret-bearing keys are masked anyway, in case one slips into an object.

export const REDACTED_KEYS = [
  "password",
  "passphrase",
  "token",
  "secret",
  "authorization",
  "cookie",
  "link",
  "url",
  "text",
  "headers",
] as const;

const KEY = Symbol.for("ror.logger");
const shared = globalThis as typeof globalThis & { [KEY]?: Logger };

function create(): Logger {
  return pino(
    {
      level: parseLogLevel(process.env.LOG_LEVEL),
      base: { service: "ror-espace-confiance", pid: process.pid },
      messageKey: "message",
      errorKey: "error",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const scope = currentRequestScope();
        return scope ? { requestId: scope.requestId, ...(scope.userId ? { userId: scope.userId } : {}) } : {};
      },
      redact: { paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]), censor: "[masqué]" },
    },
    // Synchronous: a line written just before the process exits is not lost.
    pino.destination({ dest: 1, sync: true }),
  );
}

export function logger(): Logger {
  shared[KEY] ??= create();
  return shared[KEY];
}
