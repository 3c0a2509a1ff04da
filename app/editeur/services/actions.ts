"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session.server";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";
import { addServiceUrl, removeServiceUrl } from "@/lib/services/service-urls.server";
import { createService, updateService } from "@/lib/services/services.server";

// Thin: every id below comes from the browser and may be forged; the use cases re-check it against the actor.

export type ActionResult = { ok: true; message: string } | FormResult;

const SIGNED_OUT: FormResult = { ok: false, fieldErrors: {}, formError: "Votre session a expiré. Reconnectez-vous, puis recommencez." };

const servicePath = (serviceId: string) => `/editeur/services/${serviceId}`;

export async function createServiceAction(organizationId: unknown, values: unknown): Promise<FormResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  let serviceId: string;
  try {
    ({ serviceId } = await createService(actor, organizationId, values, await currentRequestContext()));
  } catch (error) {
    return formResultFromError(error);
  }
  revalidatePath("/editeur/services");
  redirect(`${servicePath(serviceId)}?cree=1`);
}

export async function updateServiceAction(serviceId: unknown, values: unknown): Promise<FormResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  let changed: boolean;
  try {
    const { changes } = await updateService(actor, serviceId, values, await currentRequestContext());
    changed = Object.keys(changes).length > 0;
  } catch (error) {
    return formResultFromError(error);
  }
  const path = servicePath(String(serviceId));
  revalidatePath("/editeur/services");
  revalidatePath(path);
  redirect(`${path}?${changed ? "modifie=1" : "inchange=1"}`);
}

export async function addServiceUrlAction(serviceId: unknown, values: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  try {
    const { url, environment } = await addServiceUrl(actor, serviceId, values, await currentRequestContext());
    revalidatePath(servicePath(String(serviceId)));
    return { ok: true, message: `URL ${environment === "TEST" ? "de test" : "de production"} ajoutée : ${url}` };
  } catch (error) {
    return formResultFromError(error);
  }
}

export async function removeServiceUrlAction(urlId: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  try {
    const { serviceId, url, environment } = await removeServiceUrl(actor, urlId, await currentRequestContext());
    revalidatePath(servicePath(serviceId));
    return { ok: true, message: `URL ${environment === "TEST" ? "de test" : "de production"} retirée : ${url}` };
  } catch (error) {
    return formResultFromError(error);
  }
}
