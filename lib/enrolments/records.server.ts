import "server-only";
import type { Tx } from "../db.server";
import { AppError } from "../errors";
import { ENROLMENT_MODIFIED_MEANWHILE, ENROLMENT_NOT_FOUND, enrolmentVersionField } from "./change-input";
import type { EnrolmentStatus } from "./status";
import { recordId } from "../organizations/organization-schema";

export type LockedEnrolment = {
  id: string;
  serviceId: string;
  organizationId: string;
  applicationId: string;
  status: EnrolmentStatus;
  version: number;
};

const columns = `"id"::text AS "id", "serviceId"::text AS "serviceId", "organizationId"::text AS "organizationId",
  "applicationId"::text AS "applicationId", "status"::text AS "status", "version"`;

/** Locks an enrolment until the transaction ends; NOT_FOUND when it does not exist. */
export async function lockEnrolment(tx: Tx, enrolmentId: string): Promise<LockedEnrolment> {
  const rows = await tx.$queryRawUnsafe<LockedEnrolment[]>(`SELECT ${columns} FROM "Enrolment" WHERE "id" = $1::uuid FOR UPDATE`, enrolmentId);
  if (!rows[0]) throw new AppError("NOT_FOUND", ENROLMENT_NOT_FOUND);
  return rows[0];
}

/** Locks the service's enrolment in force (active or suspended), if any. */
export async function lockEnrolmentInForce(tx: Tx, serviceId: string): Promise<LockedEnrolment | null> {
  const rows = await tx.$queryRawUnsafe<LockedEnrolment[]>(`SELECT ${columns} FROM "Enrolment" WHERE "currentServiceId" = $1::uuid FOR UPDATE`, serviceId);
  return rows[0] ?? null;
}

export function parseEnrolmentRef(raw: unknown): { enrolmentId: string; version: number } {
  const input = (typeof raw === "object" && raw !== null ? raw : {}) as { enrolmentId?: unknown; version?: unknown };
  const id = recordId.safeParse(input.enrolmentId);
  if (!id.success) throw new AppError("NOT_FOUND", ENROLMENT_NOT_FOUND);
  const version = enrolmentVersionField.safeParse(input.version);
  if (!version.success) throw new AppError("CONFLICT", ENROLMENT_MODIFIED_MEANWHILE);
  return { enrolmentId: id.data, version: version.data };
}
