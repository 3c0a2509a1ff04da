"use server";

import { forbidden, redirect } from "next/navigation";
import { postMessage } from "@/lib/applications/post-message.server";
import { reviewApplicationPath } from "@/lib/paths";
import { requireActor } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formResultFromError, type FormResult } from "@/lib/form-result";
import { currentRequestContext } from "@/lib/request.server";
import { approveApplication } from "@/lib/review/approve.server";
import { refuseApplication } from "@/lib/review/refuse.server";
import { requestChanges } from "@/lib/review/request-changes.server";

// Thin: parse nothing here (the use cases validate), call the use case, go back to the dossier with a notice.

function failure(error: unknown): FormResult {
  if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
  return formResultFromError(error);
}

const fields = (values: unknown): Record<string, unknown> => (values && typeof values === "object" ? { ...(values as Record<string, unknown>) } : {});

async function run(applicationId: string, notice: string, act: (actor: Awaited<ReturnType<typeof requireActor>>) => Promise<unknown>): Promise<FormResult> {
  const path = reviewApplicationPath(String(applicationId));
  const actor = await requireActor(path);
  try {
    await act(actor);
  } catch (error) {
    return failure(error);
  }
  redirect(`${path}?fait=${notice}`);
}

export async function requestChangesAction(applicationId: string, values: unknown): Promise<FormResult> {
  return run(applicationId, "modifications-demandees", async (actor) =>
    requestChanges(actor, { ...fields(values), applicationId }, await currentRequestContext()),
  );
}

export async function approveAction(applicationId: string, values: unknown): Promise<FormResult> {
  return run(applicationId, "approuve", async (actor) => approveApplication(actor, { version: undefined, accessProfileId: undefined, ...fields(values), applicationId }, await currentRequestContext()));
}

export async function refuseAction(applicationId: string, values: unknown): Promise<FormResult> {
  return run(applicationId, "refuse", async (actor) => refuseApplication(actor, { ...fields(values), applicationId }, await currentRequestContext()));
}

export async function postReviewerMessageAction(applicationId: string, values: unknown): Promise<FormResult> {
  return run(applicationId, "message", async (actor) =>
    postMessage(actor, { body: fields(values).body, applicationId, side: "reviewer" }, await currentRequestContext()),
  );
}
