import { ForbiddenNotice } from "@/components/ForbiddenNotice";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <ForbiddenNotice />
    </div>
  );
}
