import { Alert } from "../ui/Alert";
import type { NotEnforcedReason } from "@/lib/enrolments/enforcement";
import { ENVIRONMENT_LABELS } from "@/lib/vocabulary";

export type GatewayEnforcementItem = { environment: "TEST" | "PRODUCTION"; enforced: boolean; reason: NotEnforcedReason | null; label: string; revokedCount: number };

/** Per environment, what the gateway does with an enrolment: the same words as the whitelist and the export. */
export function GatewayEnforcement({ items }: { items: readonly GatewayEnforcementItem[] }) {
  if (items.length === 0) return null;
  const revoked = items.filter((i) => i.revokedCount > 0);
  return (
    <div className="mb-4">
      {revoked.length > 0 ? (
        <Alert variant="error" title="Certificat révoqué" className="mb-2">
          {revoked.map((i) => `${ENVIRONMENT_LABELS[i.environment]} : ${i.revokedCount} certificat(s) figurent sur la liste de révocation de leur autorité et ne sont plus acceptés par la passerelle.`).join(" ")}
        </Alert>
      ) : null}
      <ul aria-label="Publication à la passerelle">
        {items.map((i) => (
          <li key={i.environment}>
            {ENVIRONMENT_LABELS[i.environment]} : <span className={i.enforced ? "" : "font-bold"}>{i.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
