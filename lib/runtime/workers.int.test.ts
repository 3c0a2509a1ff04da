import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db.server";
import { queueMail } from "../mail/outbox.server";
import { smtpTransport, type MailTransport } from "../mail/transport.server";
import { projectRoot } from "./database-tools";
import { startSmtpTestServer, type SmtpTestServer } from "../testing/smtp-test-server";
import { waitFor } from "../testing/wait";
import { backgroundMetrics } from "../jobs/metrics.server";
import { TASKS } from "../jobs/schedules";
import { startWorker } from "./worker.server";

// Several workers on one database, as several app instances would run them.
let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await smtp?.close();
});

const schedule = { firstDelayMs: 100, maxDelayMs: 400, windowMs: 5000 };
const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@destinataire.example`;

async function queue(addresses: string[]) {
  await db().$transaction((tx) => queueMail(tx, addresses.map((to) => ({ to, subject: "Avis", text: "Bonjour", kind: "test" }))), { timeout: 60_000 });
}
const receivedBy = (to: string) => smtp.received.filter((m) => m.to.includes(to));
async function allSent(addresses: string[], timeoutMs = 30_000) {
  await waitFor(async () => (await db().outboxMessage.count({ where: { to: { in: addresses }, status: "SENT" } })) === addresses.length, timeoutMs, "l'envoi des courriels");
}

/** A transport that counts what it sent, and takes a little time, as a remote server would. */
function countingTransport(): MailTransport & { sent: number } {
  const inner = smtpTransport(smtp.url);
  const transport = {
    sent: 0,
    send: async (mail: Parameters<MailTransport["send"]>[0]) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await inner.send(mail);
      transport.sent++;
    },
    close: () => inner.close(),
  };
  return transport;
}

describe("workers on one database", () => {
  it("count the jobs waiting, for the metrics", async () => {
    const addresses = [address("mesure1"), address("mesure2")];
    await queue(addresses);
    const metrics = await backgroundMetrics();
    expect(metrics.jobs).toContainEqual({ task: "mail.send", queue: null, state: "waiting", count: 2 });
    expect(metrics.oldestWaitingJobSeconds).toBeGreaterThanOrEqual(0);
    expect(metrics.mail).toMatchObject({ pending: 2, retrying: 0, failed: 0 });
    const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL!, smtpUrl: smtp.url, retrySchedule: schedule, schedules: false, pollInterval: 200 });
    try {
      await allSent(addresses);
    } finally {
      await worker.stop();
    }
    expect((await backgroundMetrics()).mail).toMatchObject({ pending: 0, sent: 2 });
  });

  it("run each occurrence of a schedule once, whichever worker takes it", async () => {
    // A schedule every minute, known for 10 minutes but never run: both workers start together and catch up.
    const minute = { identifier: "test-every-minute", task: TASKS.sweepMail, match: "* * * * *", backfillMs: 10 * 60_000 } as const;
    await db().$executeRaw`INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since, last_execution)
      VALUES (${minute.identifier}, now() - interval '10 minutes', now() - interval '10 minutes')`;
    const runs: string[] = [];
    const workers = await Promise.all(
      [1, 2].map(() => startWorker({ databaseUrl: process.env.DATABASE_URL!, smtpUrl: smtp.url, retrySchedule: schedule, schedules: [minute], pollInterval: 200 })),
    );
    for (const worker of workers) {
      worker.runner.events.on("job:success", ({ job }) => {
        const ts = (job.payload as { _cron?: { ts?: string } })._cron?.ts;
        if (job.task_identifier === TASKS.sweepMail && ts) runs.push(ts);
      });
    }
    try {
      await waitFor(() => runs.length >= 9, 20_000, "le rattrapage des occurrences");
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs.length).toBeGreaterThanOrEqual(9);
    expect(runs.length).toBeLessThanOrEqual(11);
  });

  it("share the jobs: with two workers each message is delivered once", async () => {
    const [a, b] = [countingTransport(), countingTransport()];
    const workers = await Promise.all([a, b].map((transport) => startWorker({ databaseUrl: process.env.DATABASE_URL!, transport, retrySchedule: schedule, schedules: false, pollInterval: 200, concurrency: 2 })));
    try {
      const addresses = Array.from({ length: 120 }, (_, i) => address(`partage${i}`));
      await queue(addresses);
      await allSent(addresses);
      for (const to of addresses) expect(receivedBy(to)).toHaveLength(1);
      expect(a.sent + b.sent).toBe(120);
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      expect(await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs`).toEqual([{ n: 0n }]);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      a.close();
      b.close();
    }
  });

  it("finish the job under way when asked to stop (graceful shutdown)", async () => {
    let release!: () => void;
    smtp.holdData = new Promise((resolve) => (release = resolve));
    const started = new Promise<void>((resolve) => (smtp.onDataStarted = resolve));
    const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL!, smtpUrl: smtp.url, retrySchedule: schedule, schedules: false, pollInterval: 200 });
    const to = address("arret");
    await queue([to]);
    await started;
    const stopping = worker.stop();
    setTimeout(release, 300);
    await stopping;
    smtp.holdData = null;
    smtp.onDataStarted = null;
    expect((await db().outboxMessage.findFirstOrThrow({ where: { to } })).status).toBe("SENT");
    expect(receivedBy(to)).toHaveLength(1);
  });

  it("retry the job of a worker killed mid-send, and its message is delivered once", async () => {
    let release!: () => void;
    smtp.holdData = new Promise((resolve) => (release = resolve));
    const started = new Promise<void>((resolve) => (smtp.onDataStarted = resolve));
    const to = address("interrompu");
    await queue([to]);
    // `npm run worker`, in its own process, killed while the server holds back its reply to DATA.
    // (node --import tsx: one process, where the tsx command would run the worker in a child of its own.)
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      cwd: projectRoot,
      env: { ...process.env, SMTP_URL: smtp.url, WORKER_CONCURRENCY: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    await Promise.race([started, new Promise((_, reject) => child.once("exit", () => reject(new Error(`le worker s'est arrêté : ${output}`))))]);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    smtp.holdData = null;
    smtp.onDataStarted = null;

    const message = await db().outboxMessage.findFirstOrThrow({ where: { to } });
    expect(message).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(receivedBy(to)).toHaveLength(0);
    const locked = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE locked_at IS NOT NULL AND key = ${`mail:${message.id}`}`;
    expect(locked).toEqual([{ n: 1n }]);

    // The engine frees a job whose worker vanished once its lock is 4 hours old: make it so, rather than wait.
    await db().$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '4 hours 1 minute' WHERE locked_at IS NOT NULL`;
    const survivor = await startWorker({ databaseUrl: process.env.DATABASE_URL!, smtpUrl: smtp.url, retrySchedule: schedule, schedules: false, pollInterval: 200, resetLockedInterval: 300 });
    try {
      await allSent([to]);
      expect(receivedBy(to)).toHaveLength(1);
      expect((await db().outboxMessage.findFirstOrThrow({ where: { to } })).attempts).toBe(2);
    } finally {
      await survivor.stop();
    }
  });
});
