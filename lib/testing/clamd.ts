// A real clamd (Debian's clamav-daemon) for the tests (ADR 0028), on a local socket in a throwaway folder. ClamAV's
// official signature databases come from the internet (freshclam), which these machines cannot reach, so the
// folder holds one signature database of our own: the MD5 hash signature (.hdb, "md5:size:name") of the EICAR
// test file, the industry's harmless test "virus". clamd loads it in well under a second.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const CLAMD_PROGRAM = "/usr/sbin/clamd";

/** The EICAR test file (68 bytes), built from two halves so that no scanner flags this source file itself. */
export const EICAR = Buffer.from("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*", "latin1");
export const EICAR_SIGNATURE = "Eicar-Test-Signature";

export type TestClamd = { socket: string; stop: () => Promise<void> };

export function clamdAvailable(): boolean {
  return existsSync(CLAMD_PROGRAM);
}

/** Starts clamd and resolves once its socket answers PING; `stop()` ends it and removes its folder. */
export async function startTestClamd(): Promise<TestClamd> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "ror-clamd-"));
  const database = path.join(directory, "db");
  const socket = path.join(directory, "clamd.sock");
  mkdirSync(database);
  writeFileSync(path.join(database, "eicar.hdb"), `${createHash("md5").update(EICAR).digest("hex")}:${EICAR.length}:${EICAR_SIGNATURE}\n`);
  const config = path.join(directory, "clamd.conf");
  writeFileSync(
    config,
    [
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${database}`,
      "Foreground yes",
      `LogFile ${path.join(directory, "clamd.log")}`,
      // Above the largest upload (a 20 MiB evidence file), with room.
      "StreamMaxLength 32M",
      "MaxThreads 4",
    ].join("\n") + "\n",
  );
  const child: ChildProcess = spawn(CLAMD_PROGRAM, ["-c", config], { stdio: "ignore" });
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const deadline = Date.now() + 30_000;
  while (!(await pings(socket))) {
    if (exited || Date.now() > deadline) {
      child.kill("SIGKILL");
      rmSync(directory, { recursive: true, force: true });
      throw new Error(`clamd did not start (see ${CLAMD_PROGRAM} -c ${config})`);
    }
    await sleep(100);
  }
  return {
    socket,
    stop: async () => {
      if (!exited) {
        const ended = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([ended, sleep(5_000)]);
        if (!exited) child.kill("SIGKILL");
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function pings(socket: string): Promise<boolean> {
  if (!existsSync(socket)) return false;
  return new Promise((resolve) => {
    const connection = net.createConnection({ path: socket });
    const done = (ok: boolean) => {
      connection.destroy();
      resolve(ok);
    };
    connection.setTimeout(2_000, () => done(false));
    connection.on("error", () => done(false));
    connection.on("connect", () => connection.write("zPING\0"));
    connection.on("data", (data) => done(data.toString("latin1").startsWith("PONG")));
  });
}
