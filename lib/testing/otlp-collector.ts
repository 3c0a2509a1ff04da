// A stand-in for an OpenTelemetry collector, for the tests: accepts OTLP/HTTP trace exports (JSON or protobuf) on
// POST /v1/traces and tells, on GET /received, how many exports and bytes arrived and the span names it could read.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type OtlpCollector = { url: string; close(): Promise<void> };

export async function startOtlpCollector(): Promise<OtlpCollector> {
  let exports = 0;
  let bytes = 0;
  const texts: string[] = [];
  const server = createServer((req, res) => {
    if (req.method === "POST" && req.url === "/v1/traces") {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        exports += 1;
        bytes += body.length;
        // Protobuf keeps strings readable: enough to find span names and attributes.
        texts.push(body.toString("latin1"));
        res.writeHead(200, { "content-type": req.headers["content-type"] ?? "application/json" });
        res.end(req.headers["content-type"]?.includes("json") ? "{}" : "");
      });
      return;
    }
    if (req.method === "GET" && req.url === "/received") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ exports, bytes, text: texts.join("\n") }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
