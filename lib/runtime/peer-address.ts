import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { PEER_ADDRESS_HEADER } from "../client-address";

/**
 * Wraps a request listener so that it sees the connection's peer address in `x-ror-peer-address`, and only that:
 * any copy the client sent (whatever its case, however many times) is deleted first (ADR 0016).
 */
export function withPeerAddress(listener: (req: IncomingMessage, res: ServerResponse) => unknown): RequestListener {
  return (req, res) => {
    stampPeerAddress(req);
    Promise.resolve(listener(req, res)).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Erreur interne du serveur.");
    });
  };
}

export function stampPeerAddress(req: IncomingMessage): void {
  // Node lower-cases `headers` keys and joins repeated unknown headers into one value; rawHeaders keeps the copies.
  delete req.headers[PEER_ADDRESS_HEADER];
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i]!.toLowerCase() === PEER_ADDRESS_HEADER) req.rawHeaders.splice(i, 2);
  }
  const peer = req.socket.remoteAddress;
  if (peer) {
    req.headers[PEER_ADDRESS_HEADER] = peer;
    req.rawHeaders.push(PEER_ADDRESS_HEADER, peer);
  }
}
