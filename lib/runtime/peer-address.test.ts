import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "../client-address";
import { withPeerAddress } from "./peer-address";

// A real Node server with the same wrapper as lib/runtime/serve.ts; the handler echoes what Next would see.
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(
    withPeerAddress((req, res) => {
      const raw = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === PEER_ADDRESS_HEADER);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ header: req.headers[PEER_ADDRESS_HEADER], rawCopies: raw.length }));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw HTTP/1.1 request, so header names keep the exact case and repetition we send. */
function rawRequest(headerLines: string[]): Promise<{ header: string; rawCopies: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(["GET / HTTP/1.1", "Host: localhost", "Connection: close", ...headerLines, "", ""].join("\r\n"));
    });
    let data = "";
    socket.on("data", (chunk) => (data += chunk));
    socket.on("end", () => resolve(JSON.parse(data.slice(data.indexOf("\r\n\r\n") + 4))));
    socket.on("error", reject);
  });
}

describe("the peer address our HTTP server passes to Next", () => {
  it("is the connection's address when the client sends none", async () => {
    expect(await rawRequest([])).toEqual({ header: "127.0.0.1", rawCopies: 1 });
  });

  it("replaces every copy the client forged, whatever the case", async () => {
    const forged = ["X-ROR-Peer-Address: 203.0.113.9", "x-ror-peer-address: 198.51.100.1", "X-Ror-Peer-Address: 10.0.0.1"];
    expect(await rawRequest(forged)).toEqual({ header: "127.0.0.1", rawCopies: 1 });
  });
});
