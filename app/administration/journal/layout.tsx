import { requirePermission } from "@/lib/auth/session.server";

// Checked here, before loading.tsx starts the response: a real 403 for those without the right. The page checks again.
export default async function JournalLayout({ children }: { children: React.ReactNode }) {
  await requirePermission({ type: "auditLog.read" }, "/administration/journal");
  return children;
}
