import { redirect } from "next/navigation";
import { homePathOf } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session.server";

/** After sign-in: each person goes to the space of their role. */
export default async function SpaceDispatch() {
  const actor = await requireActor();
  redirect(homePathOf(actor));
}
