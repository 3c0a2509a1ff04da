import "server-only";
import type { z } from "zod";
import type { Actor } from "../auth/permissions";
import { db, type Tx } from "../db.server";
import {
  lockApplicationForReview,
  parseApplicationRef,
  requireReviewer,
  requireVersion,
  validationError,
  type LockedApplication,
} from "../applications/application-records.server";

/**
 * The frame of every reviewer decision on a dossier: a reviewer, the dossier and version they saw, what they typed
 * (checked before anything is read), then one transaction with the dossier locked at that version.
 */
export async function decideOnApplication<S extends z.ZodType, R>(
  actor: Actor,
  raw: unknown,
  schema: S,
  decide: (tx: Tx, application: LockedApplication, input: z.output<S>) => Promise<R>,
): Promise<R> {
  requireReviewer(actor);
  const { applicationId, version } = parseApplicationRef(raw);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  return db().$transaction(async (tx) => {
    const application = await lockApplicationForReview(tx, applicationId);
    requireVersion(application, version);
    return decide(tx, application, input);
  });
}
