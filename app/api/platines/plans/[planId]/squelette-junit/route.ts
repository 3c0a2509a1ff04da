import { getActor } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { contentDisposition } from "@/lib/files/content-disposition";
import { testPlanSkeleton } from "@/lib/platines/test-plans.server";

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

// The JUnit skeleton of a PLATINES test plan: every required case, named as the portal matches it.
export async function GET(_request: Request, { params }: { params: Promise<{ planId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Connexion requise.", { status: 401, headers: TEXT });
  const { planId } = await params;
  try {
    const { fileName, xml } = await testPlanSkeleton(actor, planId);
    return new Response(xml, {
      headers: { "Content-Type": "application/xml; charset=utf-8", "Content-Disposition": contentDisposition(fileName), "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return new Response("Plan de tests introuvable.", { status: 404, headers: TEXT });
    throw error;
  }
}
