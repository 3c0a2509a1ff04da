// The portal's HTTP server, run by `npm start`, `npm run dev` and the Playwright web server instead of `next start`:
// Next's own request handler behind a plain Node server, so that route handlers learn the connection's peer
// address (Next does not expose the socket to them; ADR 0016), and so that an oversized body outside the streaming
// upload routes is refused before Next reads it (lib/runtime/body-guard.ts, ADR 0026).
//   node --import tsx lib/runtime/serve.ts [--dev]      (PORT, default 3000; every interface, like `next start`)
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { refuseOversizedBody } from "./body-guard";
import { withPeerAddress } from "./peer-address";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const projectRoot = path.resolve(import.meta.dirname, "..", "..");

const httpServer = createServer();
const app = next({ dev, dir: projectRoot, port, hostname: "localhost", httpServer });
await app.prepare();
const handle = app.getRequestHandler();
httpServer.on("request", withPeerAddress((req, res) => (refuseOversizedBody(req, res) ? undefined : handle(req, res))));
httpServer.listen(port, () => {
  console.log(`[portail] Serveur HTTP à l'écoute sur le port ${port}${dev ? " (développement)" : ""}.`);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
  httpServer.closeIdleConnections();
  // Requests still running get a few seconds to finish.
  const force = setTimeout(() => httpServer.closeAllConnections(), 5_000);
  force.unref();
  await closed;
  await app.close().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
