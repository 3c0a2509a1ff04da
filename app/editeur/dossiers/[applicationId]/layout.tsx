import { notFound } from "next/navigation";
import { editorMayOpenApplication } from "@/lib/applications/application-gate.server";
import { requirePermission } from "@/lib/auth/session.server";

// Checked here, before loading.tsx starts the response: real 403 and 404 statuses. The page checks again.
export default async function EditorDossierLayout({ children, params }: { children: React.ReactNode; params: Promise<{ applicationId: string }> }) {
  const { applicationId } = await params;
  const actor = await requirePermission({ type: "editorSpace.view" }, `/editeur/dossiers/${encodeURIComponent(applicationId)}`);
  if (!(await editorMayOpenApplication(actor, applicationId))) notFound();
  return children;
}
