// The portal's HTTP server, run by `npm start`, `npm run dev` and the Playwright web server instead of `next start`:
// Next's own request handler behind a plain Node server, so that route handlers learn the connection's peer
// address (Next does not expose the socket to them). See ADR 0016.
//   node --import tsx lib/runtime/serve.ts [--dev]      (PORT, default 3000; every interface, like `next start`)
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { withPeerAddress } from "./peer-address";
import { gateRefusal, refusalResponse } from "./request-gate";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const projectRoot = path.resolve(import.meta.dirname, "..", "..");

const httpServer = createServer();
const app = next({ dev, dir: projectRoot, port, hostname: "localhost", httpServer });
await app.prepare();
const handle = app.getRequestHandler();
httpServer.on(
  "request",
  withPeerAddress((req, res) => {
    // What Next would answer with a 500 (a path that is not UTF-8, a foreign server action) gets a French 4xx here.
    const refusal = gateRefusal(req.method, req.url, req.headers);
    if (!refusal) return handle(req, res);
    const answer = refusalResponse(refusal, req.headers.accept);
    res.writeHead(answer.status, { "content-type": answer.contentType, "cache-control": "no-store", "x-content-type-options": "nosniff" });
    res.end(answer.body);
  }),
);
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
