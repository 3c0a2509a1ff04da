import { AsyncLocalStorage } from "node:async_hooks";

// What the logs say about the request under way: its id and, once the session is read, the user's id (ADR 0025).
// Our HTTP server opens the scope; code inside Next (bundled apart, so a second copy of this module) reaches the
// same store through globalThis.

export type RequestScope = { requestId: string; userId?: string };

const KEY = Symbol.for("ror.request-scope");
const shared = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<RequestScope> };

export const requestScopes: AsyncLocalStorage<RequestScope> = (shared[KEY] ??= new AsyncLocalStorage<RequestScope>());

export function currentRequestScope(): RequestScope | undefined {
  return requestScopes.getStore();
}

/** Called where the session is read: the request's log line then names its user. */
export function noteSignedInUser(userId: string): void {
  const scope = requestScopes.getStore();
  if (scope) scope.userId = userId;
}
