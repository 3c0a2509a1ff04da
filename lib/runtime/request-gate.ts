// Pure: what the portal's HTTP server refuses before Next sees it (lib/runtime/portal-server.ts), because Next would answer
// it with a 500: a path whose percent-encoding is not UTF-8 (`/signature/%ff`) or that holds a control character
// once decoded (`%00`), and a server action posted from another site (Next throws on the Origin check). Each gets a
// French 400 or 403, as HTML for a browser and as text otherwise.

export type GateRefusal = { status: 400 | 403; title: string; text: string };

const BAD_PATH: GateRefusal = {
  status: 400,
  title: "Adresse invalide",
  text: "Cette adresse contient des caractères mal encodés ou interdits : vérifiez le lien, ou revenez à l'accueil du portail.",
};

const FOREIGN_ACTION: GateRefusal = {
  status: 403,
  title: "Requête refusée",
  text: "Ce formulaire a été envoyé depuis un autre site que le portail : il n'a pas été pris en compte.",
};

type Headers = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** Why this request is refused at the door, or null when it may go on. */
export function gateRefusal(method: string | undefined, url: string | undefined, headers: Headers): GateRefusal | null {
  const target = url ?? "/";
  const pathname = target.split(/[?#]/, 1)[0] ?? "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return BAD_PATH;
  }
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return BAD_PATH;

  if (method === "POST" && first(headers["next-action"]) !== undefined) {
    const origin = first(headers.origin);
    // As Next checks it: the Origin's host against the forwarded host, else the Host header.
    const host = first(headers["x-forwarded-host"])?.split(",")[0]?.trim() || first(headers.host);
    if (origin !== undefined && origin !== "null") {
      let originHost: string | null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (originHost === null || originHost !== host) return FOREIGN_ACTION;
    } else if (origin === "null") {
      return FOREIGN_ACTION;
    }
  }
  return null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The answer: a small French page for a browser, plain French text for anything else. */
export function refusalResponse(refusal: GateRefusal, accept: string | undefined): { status: number; contentType: string; body: string } {
  if (accept?.includes("text/html")) {
    const body =
      `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escapeHtml(refusal.title)} – Espace de confiance ROR</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">` +
      `<h1>${escapeHtml(refusal.title)}</h1><p>${escapeHtml(refusal.text)}</p><p><a href="/">Revenir à l'accueil</a></p></body></html>`;
    return { status: refusal.status, contentType: "text/html; charset=utf-8", body };
  }
  return { status: refusal.status, contentType: "text/plain; charset=utf-8", body: `${refusal.title} : ${refusal.text}` };
}
