// `npm test`: checks the system programs the tests compare our output with (installing them when it can), then runs
// each stage in order, stops at the first failure, and prints how long each stage took against the suite's budget
// (ADR 0014). Benchmarks and volume seeding are never stages here.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { installPlan, isPresent, missingRequirements, missingRequirementsLine, TEST_SYSTEM_REQUIREMENTS } from "../lib/runtime/system-programs";

const STAGES = [
  { name: "lint", script: "lint" },
  { name: "typecheck", script: "typecheck" },
  { name: "unit", script: "test:unit" },
  { name: "integration", script: "test:integration" },
  { name: "build", script: "build" },
  { name: "e2e", script: "test:e2e" },
  // On its own, after the e2e phase's instances have stopped: nginx over TLS in front of two production instances.
  { name: "load-balancer", script: "test:load-balancer" },
] as const;

/** The whole suite must stay under this on the project's 2-core machine; 0 turns the check off. */
const BUDGET_MINUTES = Number(process.env.TEST_TIME_BUDGET_MINUTES ?? 40);
const REQUIRED_NODE_MAJOR = 24;

type Outcome = { name: string; seconds: number; ok: boolean };
const outcomes: Outcome[] = [];
const startedAt = performance.now();

function log(line: string) {
  console.log(`[tests] ${line}`);
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1).replace(".", ",")} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
}

function summary(): void {
  const total = (performance.now() - startedAt) / 1000;
  const width = Math.max(...outcomes.map((o) => o.name.length), "total".length) + 2;
  console.log("\n[tests] Durée de chaque étape :");
  for (const outcome of outcomes) {
    console.log(`  ${outcome.name.padEnd(width)}${formatDuration(outcome.seconds).padStart(12)}${outcome.ok ? "" : "  échec"}`);
  }
  for (const stage of STAGES) {
    if (!outcomes.some((o) => o.name === stage.name)) console.log(`  ${stage.name.padEnd(width)}${"non lancée".padStart(12)}`);
  }
  const budget = BUDGET_MINUTES > 0 ? ` (budget : ${BUDGET_MINUTES} min)` : "";
  console.log(`  ${"total".padEnd(width)}${formatDuration(total).padStart(12)}${budget}`);
}

function finish(code: number): never {
  summary();
  process.exit(code);
}

function checkSystemPrograms(): boolean {
  const searchPath = process.env.PATH ?? "";
  const missing = missingRequirements(TEST_SYSTEM_REQUIREMENTS, searchPath);
  const isRoot = process.getuid?.() === 0;
  const hasApt = isPresent({ name: "apt-get", debianPackage: "apt", commands: ["apt-get"] }, searchPath);
  const plan = installPlan(missing, { isRoot, hasApt });
  if (plan.action === "none") return true;
  if (plan.action === "stop") {
    console.error(plan.line);
    return false;
  }
  // apt's and dpkg's output goes to a file, shown only when the installation fails.
  const aptLog = path.join(os.tmpdir(), `ror-test-apt-${process.pid}.log`);
  log(`Installation avec apt : ${plan.packages.join(" ")} (journal : ${aptLog})…`);
  const output = openSync(aptLog, "w");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args: string[]) => spawnSync("apt-get", args, { stdio: ["ignore", output, output], env }).status === 0;
  const installed = apt(["update", "-qq"]) && apt(["install", "-y", "-qq", "--no-install-recommends", ...plan.packages]);
  closeSync(output);
  if (!installed) {
    console.error(readFileSync(aptLog, "utf8").trimEnd().split("\n").slice(-15).join("\n"));
    console.error(missingRequirementsLine(missing, isRoot));
    return false;
  }
  const still = missingRequirements(TEST_SYSTEM_REQUIREMENTS, searchPath);
  if (still.length > 0) console.error(missingRequirementsLine(still, isRoot));
  return still.length === 0;
}

function runScript(script: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", script], { stdio: "inherit" });
    child.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
  });
}

async function main(): Promise<void> {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < REQUIRED_NODE_MAJOR) {
    console.error(
      `Node ${REQUIRED_NODE_MAJOR} attendu, Node ${process.version} trouvé : le paquet npm « node » n'est pas installé ` +
        "(lancez « npm ci » sans --ignore-scripts), ou la commande n'a pas été lancée par npm (« npm test »).",
    );
    process.exit(1);
  }
  log(`Node ${process.version} (${process.execPath})`);

  const checkStart = performance.now();
  const ready = checkSystemPrograms();
  outcomes.push({ name: "programmes système", seconds: (performance.now() - checkStart) / 1000, ok: ready });
  if (!ready) finish(1);

  for (const stage of STAGES) {
    const stageStart = performance.now();
    const ok = await runScript(stage.script);
    outcomes.push({ name: stage.name, seconds: (performance.now() - stageStart) / 1000, ok });
    if (!ok) finish(1);
  }

  const minutes = (performance.now() - startedAt) / 60_000;
  if (BUDGET_MINUTES > 0 && minutes > BUDGET_MINUTES) {
    summary();
    console.error(
      `[tests] La suite a duré ${formatDuration(minutes * 60)}, au-delà du budget de ${BUDGET_MINUTES} min : ` +
        "accélérez ou regroupez les tests les plus lents (ADR 0014).",
    );
    process.exit(1);
  }
  finish(0);
}

await main();
