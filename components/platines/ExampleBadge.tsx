import { EXAMPLE_PLAN_BADGE } from "@/lib/platines/test-plan-schema";

/** Marks a test plan seeded as an example, until ANS replaces it with its official list. */
export function ExampleBadge() {
  return <span className="inline-block rounded-sm bg-warning-light px-2 py-0.5 text-sm font-bold text-grey-950">{EXAMPLE_PLAN_BADGE}</span>;
}
