// Our HTTP server's first look at a request body (ADR 0026), before Next reads any of it. Files go to streaming
// route handlers under /api/, which count their own bytes; anything else (pages, server actions) carries form
// fields or a file posted without JavaScript, within the server-action body limit of next.config.js. A bigger
// announced body is refused here at once with a French page, instead of being read and then failing inside Next;
// a body of unknown length (chunked) is refused too, since browsers always announce the length of a form post.
import type { IncomingMessage, ServerResponse } from "node:http";

/** Equal to `serverActions.bodySizeLimit` ("1mb") in next.config.js. */
export const SMALL_BODY_LIMIT_BYTES = 1024 * 1024;

export type BodyGuardRefusal = { status: 411 | 413; title: string; text: string };

const TOO_LARGE: BodyGuardRefusal = {
  status: 413,
  title: "Envoi trop volumineux",
  text:
    "Ce formulaire accepte 1 Mio au plus quand JavaScript est désactivé : rien n'a été enregistré. Activez JavaScript " +
    "pour envoyer des fichiers plus gros (les formulaires affichent alors la progression de l'envoi), puis recommencez.",
};

const LENGTH_REQUIRED: BodyGuardRefusal = {
  status: 411,
  title: "Taille de l'envoi requise",
  text: "Cette requête n'annonce pas sa taille : rien n'a été enregistré. Envoyez le formulaire depuis le portail.",
};

/** Pure: null when Next may read the body, otherwise the refusal. */
export function bodyGuardRefusal(method: string | undefined, url: string | undefined, headers: IncomingMessage["headers"]): BodyGuardRefusal | null {
  if (method === undefined || ["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase())) return null;
  if ((url ?? "/").startsWith("/api/")) return null;
  const length = headers["content-length"];
  if (length === undefined) return headers["transfer-encoding"] ? LENGTH_REQUIRED : null;
  return Number(length) > SMALL_BODY_LIMIT_BYTES ? TOO_LARGE : null;
}

function page(refusal: BodyGuardRefusal): string {
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${refusal.title} – Espace de confiance ROR</title></head>` +
    `<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #161616">` +
    `<main><h1>${refusal.title}</h1><p>${refusal.text}</p><p><a href="/" style="color: #000091">Retour à l'accueil</a></p></main></body></html>`
  );
}

/** What a refused body may still send, discarded, so that the client reads the answer once it has sent it all. */
const LINGER_BYTES = 128 * 1024 * 1024;
const LINGER_MS = 30_000;

/**
 * Answers the refusal and returns true, or returns false and leaves the request to Next. The body is never kept:
 * what the client still sends is read and dropped (a browser shows the answer only once it has sent its form),
 * up to LINGER_BYTES or LINGER_MS, after which the connection is closed.
 */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse): boolean {
  const refusal = bodyGuardRefusal(req.method, req.url, req.headers);
  if (!refusal) return false;
  res.writeHead(refusal.status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(page(refusal));
  let discarded = 0;
  const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) req.socket.destroy();
  });
  req.on("end", () => clearTimeout(timer));
  req.on("close", () => clearTimeout(timer));
  return true;
}
