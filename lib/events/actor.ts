// Who did it: a signed-in person, a machine calling with an API token, one of the portal's own jobs, or someone
// not signed in (a failed sign-in, a client signing through their personal link).
export type EventActor =
  | { type: "user"; id: string }
  | { type: "api_token"; id: string }
  | { type: "system"; job: string }
  | { type: "anonymous" };

export const userActor = (id: string): EventActor => ({ type: "user", id });
export const systemActor = (job: string): EventActor => ({ type: "system", job });
export const ANONYMOUS: EventActor = { type: "anonymous" };

export const ACTOR_TYPE_COLUMN = { user: "USER", api_token: "API_TOKEN", system: "SYSTEM", anonymous: "ANONYMOUS" } as const;
