import { requirePermission } from "@/lib/auth/session.server";

// Checked here, before loading.tsx starts the response: a visitor without the right gets a real 403 (or the sign-in
// page), not a streamed one under a 200. The page checks again.
export default async function ReviewerQueueLayout({ children }: { children: React.ReactNode }) {
  await requirePermission({ type: "ansSpace.view" }, "/instruction");
  return children;
}
