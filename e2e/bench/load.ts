// Median response time of the public home page and of the signed-in editor home page under
// 20 concurrent clients, in one run, and their ratio. Usage: npm run bench:load (after npm run build).
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { DEMO_PASSWORD, demoAccounts } from "../../scripts/demo/demo-accounts";

const port = 3400;
const base = `http://localhost:${port}`;
const server = spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
  detached: true,
  stdio: "ignore",
  env: { ...process.env, E2E_PORT: String(port) },
});

async function waitForServer() {
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

async function signInCookie(email: string): Promise<string> {
  const response = await fetch(`${base}/api/connexion`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error("sign-in failed");
  return session;
}

async function medianMs(path: string, headers: Record<string, string> = {}): Promise<number> {
  const result = await autocannon({ url: `${base}${path}`, connections: 20, duration: 10, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.latency.p50;
}

try {
  await waitForServer();
  const editor = demoAccounts.find((a) => a.roles.includes("EDITOR"))!;
  const cookie = await signInCookie(editor.email);
  await medianMs("/"); // warm-up
  const publicMedian = await medianMs("/");
  const editorMedian = await medianMs("/editeur", { cookie });
  console.log(`Accueil public, 20 clients : médiane ${publicMedian} ms`);
  console.log(`Espace éditeur connecté, 20 clients : médiane ${editorMedian} ms`);
  console.log(`Rapport connecté / public : ${(editorMedian / Math.max(publicMedian, 0.001)).toFixed(2)}`);
} finally {
  process.kill(-server.pid!, "SIGTERM");
}
