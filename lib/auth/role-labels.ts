import type { PlatformRole } from "./permissions";

export const platformRoleLabels: Record<PlatformRole, string> = {
  EDITOR: "Éditeur",
  ANS_REVIEWER: "Instructeur ANS",
  ANS_ADMIN: "Administrateur ANS",
};

export const userStatusLabels: Record<"ACTIVE" | "DISABLED", string> = {
  ACTIVE: "Actif",
  DISABLED: "Désactivé",
};
