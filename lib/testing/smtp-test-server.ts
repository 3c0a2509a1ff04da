// A real SMTP server for the tests and the mail benchmark (the smtp-server package), on loopback, with the failures
// the mail job must survive: temporary refusals (4xx) for a while, a connection dropped in the middle of DATA,
// a permanent refusal (5xx) for some addresses, and a DATA reply held back (to kill a worker mid-send).
import type { Socket } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export type ReceivedMail = { messageId: string | null; to: string[]; from: string | null; headers: string; raw: string };

export type SmtpTestServer = {
  url: string;
  port: number;
  /** Every message accepted (replied 250 to), in order. */
  received: ReceivedMail[];
  /** Until this instant, MAIL FROM is refused with 451. */
  refuseTemporarilyUntil: number;
  /** The next this many MAIL FROM are refused with 451. */
  refuseNextTransactions: number;
  /** RCPT TO these addresses (lowercase) is refused with 550. */
  permanentlyRefused: Set<string>;
  /** RCPT TO an address matching this is refused with 550 the first time only (a mailbox fixed since). */
  refuseFirstTime: RegExp | null;
  /** RCPT TO these addresses is refused with 451, always. */
  temporarilyRefused: Set<string>;
  /** The next this many DATA transfers are cut: the connection is destroyed after the first chunk. */
  dropDuringData: number;
  /** When set, the reply to DATA waits for this promise; a connection closed meanwhile accepts nothing. */
  holdData: Promise<void> | null;
  /** Resolves each time a DATA transfer starts. */
  onDataStarted: (() => void) | null;
  /** Transactions refused or cut, for the tests' counts. */
  refusals: number;
  close: () => Promise<void>;
};

function header(headers: string, name: string): string | null {
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(headers);
  return match ? match[1]!.replace(/\r?\n[ \t]/g, " ").trim() : null;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const sockets = new Map<number, Socket>();
  const state: SmtpTestServer = {
    url: "",
    port: 0,
    received: [],
    refuseTemporarilyUntil: 0,
    refuseNextTransactions: 0,
    permanentlyRefused: new Set(),
    temporarilyRefused: new Set(),
    refuseFirstTime: null,
    dropDuringData: 0,
    holdData: null,
    onDataStarted: null,
    refusals: 0,
    close: async () => undefined,
  };
  const socketOf = (session: SMTPServerSession) => sockets.get(session.remotePort);
  const seen = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    onMailFrom(_address, _session, callback) {
      const refused = state.refuseNextTransactions > 0 || Date.now() < state.refuseTemporarilyUntil;
      if (state.refuseNextTransactions > 0) state.refuseNextTransactions--;
      if (!refused) return callback();
      state.refusals++;
      callback(smtpError(451, "4.3.2 Service temporairement indisponible, réessayez plus tard"));
    },
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      if (state.permanentlyRefused.has(to)) {
        state.refusals++;
        return callback(smtpError(550, `5.1.1 <${to}>: boîte aux lettres inconnue`));
      }
      if (state.refuseFirstTime?.test(to) && !seen.has(to)) {
        seen.add(to);
        state.refusals++;
        return callback(smtpError(550, `5.2.1 <${to}>: boîte aux lettres désactivée`));
      }
      if (state.temporarilyRefused.has(to)) {
        state.refusals++;
        return callback(smtpError(451, `4.2.1 <${to}>: boîte momentanément indisponible`));
      }
      callback();
    },
    onData(stream, session, callback) {
      state.onDataStarted?.();
      const socket = socketOf(session);
      if (state.dropDuringData > 0) {
        state.dropDuringData--;
        state.refusals++;
        stream.once("data", () => socket?.destroy());
        stream.on("data", () => undefined);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (state.holdData) await state.holdData;
        if (!socket || socket.destroyed) return;
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
        state.received.push({
          messageId: header(headers, "Message-ID"),
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: header(headers, "From"),
          headers,
          raw,
        });
        callback();
      });
    },
  });
  server.server.on("connection", (socket: Socket) => {
    const port = socket.remotePort;
    if (port === undefined) return;
    sockets.set(port, socket);
    socket.once("close", () => sockets.delete(port));
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  state.port = typeof address === "object" && address ? address.port : 0;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.close = async () => {
    for (const socket of sockets.values()) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}
