// Pure: the shape of the portal's state machines (applications, enrolments): who may apply a transition, from which
// statuses, and the French refusal when not.

/** "editor": a member of the record's organisation; "reviewer": an ANS reviewer or administrator. */
export type LifecycleRole = "editor" | "reviewer";

export type Rule<S extends string> = { from: readonly S[]; to: S; by: LifecycleRole };

export type TransitionRefusal = "role" | "status" | "checklist" | "message" | "reason" | "profile" | "quotas";

export type TransitionResult<S extends string> = { ok: true; to: S } | { ok: false; refusal: TransitionRefusal; message: string };

export const ROLE_MESSAGES: Record<LifecycleRole, string> = {
  editor: "Seuls les membres de l'organisation éditrice peuvent faire cela.",
  reviewer: "Seuls les instructeurs de l'ANS peuvent faire cela.",
};

export function refused<S extends string>(refusal: TransitionRefusal, message: string): TransitionResult<S> {
  return { ok: false, refusal, message };
}
