import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPerson } from "../testing/catalogue-fixtures.server";
import { db } from "../db.server";
import { projectRoot } from "../runtime/database-tools";
import { systemActor, userActor } from "./actor";
import { eventHash } from "./chain";
import { recordEvent } from "./record.server";
import { verifyEventChain } from "./verify.server";

const run = promisify(execFile);
const request = { ip: "198.51.100.77", userAgent: "Mozilla/5.0 (vitest)" };

async function sql(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function refusal(text: string): Promise<string> {
  try {
    await sql(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`accepted: ${text}`);
}

async function recordApiTokenCreated(userId: string, name: string) {
  return db().$transaction((tx) => recordEvent(tx, { name: "api_token.created", actor: userActor(userId), subjectId: crypto.randomUUID(), request, payload: { name } }));
}

describe("the event log", () => {
  it("writes one row per act, chained at commit with the hash our own implementation computes, personal data apart", async () => {
    const admin = await createPerson(["ANS_REVIEWER", "ANS_ADMIN"], "Chaîne Admin");
    // Strings that canonical JSON must escape exactly like JSON.stringify: quotes, backslashes, controls, accents, emoji, a NUL.
    const tricky = 'Jeton « ô » "cité" \\ \n\t\u0001 😀 \u0000 fin';
    const id = await recordApiTokenCreated(admin.userId, tricky);
    const event = await db().event.findUniqueOrThrow({ where: { id }, include: { personalData: true } });
    expect(event).toMatchObject({ name: "api_token.created", actorType: "USER", actorId: admin.userId, subjectType: "ApiToken" });
    expect(event.payload).toEqual({ name: tricky.replace("\u0000", "\uFFFD") });
    expect(event.sequence).not.toBeNull();
    expect(event.hash).toBe(eventHash({ ...event, sequence: event.sequence! }));
    expect(event.personalData).toMatchObject({ ip: request.ip, userAgent: request.userAgent });
    expect(JSON.stringify(event.payload)).not.toContain(request.ip);

    const previous = await db().event.findUnique({ where: { sequence: event.sequence! - 1n } });
    expect(event.previousHash).toBe(previous?.hash ?? null);
    expect(await verifyEventChain()).toMatchObject({ ok: true, head: event.hash });
  });

  it("refuses a payload that is not the catalogue's, and writes nothing of the act", async () => {
    const before = await db().event.count();
    await expect(
      db().$transaction((tx) =>
        // @ts-expect-error: the catalogue's type refuses it too
        recordEvent(tx, { name: "certificate.expired", actor: systemActor("certificate-expiry-watch"), payload: { threshold: "soon" } }),
      ),
    ).rejects.toThrow();
    expect(await db().event.count()).toBe(before);
  });

  it("chains concurrent transactions one after the other and leaves nothing of a rolled-back one", async () => {
    const admin = await createPerson(["ANS_REVIEWER", "ANS_ADMIN"], "Concurrente");
    const head = await db().eventChainHead.findUniqueOrThrow({ where: { id: 1 } });
    await Promise.all(Array.from({ length: 12 }, (_, i) => recordApiTokenCreated(admin.userId, `jeton ${i}`)));
    await expect(
      db().$transaction(async (tx) => {
        await recordEvent(tx, { name: "api_token.revoked", actor: userActor(admin.userId), subjectId: admin.userId, payload: {} });
        throw new Error("annulé");
      }),
    ).rejects.toThrow("annulé");
    const after = await db().eventChainHead.findUniqueOrThrow({ where: { id: 1 } });
    expect(after.sequence - head.sequence).toBe(12n);
    expect(await db().event.count({ where: { name: "api_token.revoked", actorId: admin.userId } })).toBe(0);
    expect(await verifyEventChain()).toMatchObject({ ok: true });
  });

  it("refuses UPDATE, DELETE and TRUNCATE in PostgreSQL, and any change to the chain's end", async () => {
    const admin = await createPerson(["ANS_REVIEWER", "ANS_ADMIN"], "Gardienne");
    const id = await recordApiTokenCreated(admin.userId, "à garder");
    expect(await refusal(`UPDATE "Event" SET "payload" = '{"name":"autre"}' WHERE "id" = '${id}'`)).toContain("en ajout seul");
    expect(await refusal(`UPDATE "Event" SET "hash" = NULL WHERE "id" = '${id}'`)).toContain("en ajout seul");
    expect(await refusal(`DELETE FROM "Event" WHERE "id" = '${id}'`)).toContain("en ajout seul");
    expect(await refusal(`TRUNCATE "Event" CASCADE`)).toContain("en ajout seul");
    expect(await refusal(`UPDATE "EventChainHead" SET "sequence" = 0`)).toContain("fin de la chaîne");
    expect(await db().event.count({ where: { id } })).toBe(1);
  });

  it("`npm run audit:verify` passes on an intact log and names the first broken link of a tampered one", async () => {
    const admin = await createPerson(["ANS_REVIEWER", "ANS_ADMIN"], "Vérificatrice");
    const first = await recordApiTokenCreated(admin.userId, "premier");
    await recordApiTokenCreated(admin.userId, "second");
    const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL };
    const intact = await run("npx", ["tsx", "scripts/audit-verify.ts"], { cwd: projectRoot, env });
    expect(intact.stdout).toMatch(/Journal des événements intègre : \d+ événement\(s\) vérifié\(s\)/);

    // The database owner can switch the guard off: the chain still tells.
    await sql(`ALTER TABLE "Event" DISABLE TRIGGER "Event_append_only";
      UPDATE "Event" SET "payload" = '{"name":"falsifié"}' WHERE "id" = '${first}';
      ALTER TABLE "Event" ENABLE TRIGGER "Event_append_only"`);
    const tampered = await db().event.findUniqueOrThrow({ where: { id: first } });
    const report = await verifyEventChain();
    expect(report).toMatchObject({ ok: false, broken: { sequence: Number(tampered.sequence), eventId: first, problem: "hash" } });
    const failed = await run("npx", ["tsx", "scripts/audit-verify.ts"], { cwd: projectRoot, env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`Maillon n° ${tampered.sequence} rompu (événement ${first}, api_token.created`);
    expect(failed?.stderr).toContain("son contenu ne correspond plus à son empreinte");
  });
});
