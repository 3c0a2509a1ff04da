"use server";

import { signedInAction, type ActionResult } from "@/lib/form-action.server";
import { addServiceUrl, removeServiceUrl } from "@/lib/services/service-urls.server";
import { createService, updateService } from "@/lib/services/services.server";
import type { Environment } from "@/lib/vocabulary";

// Thin: every id below comes from the browser and may be forged; the use cases re-check it against the actor.

const servicePath = (serviceId: string) => `/editeur/services/${serviceId}`;
const urlKind = (environment: Environment) => (environment === "TEST" ? "de test" : "de production");

export async function createServiceAction(organizationId: unknown, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => createService(actor, organizationId, values, request), {
    revalidate: () => ["/editeur/services"],
    redirectTo: ({ serviceId }) => `${servicePath(serviceId)}?cree=1`,
  });
}

export async function updateServiceAction(serviceId: unknown, values: unknown): Promise<ActionResult> {
  const path = servicePath(String(serviceId));
  return signedInAction((actor, request) => updateService(actor, serviceId, values, request), {
    revalidate: () => ["/editeur/services", path],
    redirectTo: ({ changes }) => `${path}?${Object.keys(changes).length > 0 ? "modifie=1" : "inchange=1"}`,
  });
}

export async function addServiceUrlAction(serviceId: unknown, values: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => addServiceUrl(actor, serviceId, values, request), {
    revalidate: () => [servicePath(String(serviceId))],
    notice: ({ url, environment }) => `URL ${urlKind(environment)} ajoutée : ${url}`,
  });
}

export async function removeServiceUrlAction(urlId: unknown): Promise<ActionResult> {
  return signedInAction((actor, request) => removeServiceUrl(actor, urlId, request), {
    revalidate: ({ serviceId }) => [servicePath(serviceId)],
    notice: ({ url, environment }) => `URL ${urlKind(environment)} retirée : ${url}`,
  });
}
