// A real OpenID provider for the tests (ADR 0044): oidc-provider, the certified Node implementation, on loopback, set
// up like ProConnect (scopes email, given_name, usual_name, siret; signed ID token and signed user info; PKCE required;
// acr values; RP-initiated logout). Its login page is its own: an "Identifiant" field; a known login is one of the
// accounts given, any other e-mail address logs in as a person with that address and a SIRET.
import { createHash, generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

export type TestProviderAccount = {
  email: string;
  given_name: string;
  usual_name: string;
  /** null: the claim is absent. */
  siret: string | null;
  /** The acr of this account's sign-ins ("eidas1" when unset). */
  acr?: string;
};

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Test-only: the next token response has its ID token's signature altered (one character). */
  tamperNextIdToken(): void;
  close(): Promise<void>;
};

export const TEST_PROVIDER_DEFAULT_SIRET = "90123456700013";

/** The person any unknown e-mail address logs in as: a stable subject from the address. */
function accountFor(login: string, accounts: Record<string, TestProviderAccount>): TestProviderAccount | null {
  if (accounts[login]) return accounts[login];
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(login)) return null;
  return { email: login.toLowerCase(), given_name: "Camille", usual_name: "Durand", siret: TEST_PROVIDER_DEFAULT_SIRET };
}

function subjectOf(login: string): string {
  return `sub-${createHash("sha256").update(login.toLowerCase()).digest("hex").slice(0, 24)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Fournisseur d'identité de test</title></head><body>
<main><h1>Fournisseur d'identité de test</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Identifiant</label> <input id="login" name="login" autocomplete="username" required>
<button type="submit">Se connecter au fournisseur</button></form></main></body></html>`;
}

export async function startTestProvider(input: {
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  accounts?: Record<string, TestProviderAccount>;
  port?: number;
}): Promise<TestProvider> {
  const accounts = input.accounts ?? {};
  const clientId = "portail-ror-test";
  const clientSecret = "secret-du-client-de-test-0123456789abcdef";
  let tamper = false;
  // The accounts that logged in, by subject (a known login is its own subject; an address gets a derived one).
  const signedIn = new Map<string, TestProviderAccount>();
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(input.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key-1", alg: "RS256", use: "sig" };
  const scopes = ["openid", "email", "given_name", "usual_name", "siret"];

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: input.redirectUris,
        post_logout_redirect_uris: input.postLogoutRedirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "RS256",
        userinfo_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [jwk as never] },
    scopes,
    claims: { openid: ["sub"], email: ["email"], given_name: ["given_name"], usual_name: ["usual_name"], siret: ["siret"] },
    acrValues: ["eidas1", "eidas2", "eidas3"],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // Signs out at once (the test provider asks nothing), then back to the portal.
        logoutSource(ctx: KoaContextWithOIDC, form: string) {
          ctx.body = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Déconnexion</title></head><body>${form.replace(
            "</form>",
            '<input type="hidden" name="logout" value="yes"></form>',
          )}<script>document.forms[0].submit()</script></body></html>`;
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["cles-des-cookies-du-fournisseur-de-test"] },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    async findAccount(_ctx, id) {
      const account = signedIn.get(id) ?? accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: account.email,
            given_name: account.given_name,
            usual_name: account.usual_name,
            ...(account.siret === null ? {} : { siret: account.siret }),
          };
        },
      };
    },
    // No consent screen: the test client is granted what it asks for.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(scopes.join(" "));
      grant.addOIDCClaims(["sub", "email", "given_name", "usual_name", "siret"]);
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Erreur</title></head><body><h1>Erreur du fournisseur</h1><pre>${escapeHtml(JSON.stringify(out))}</pre></body></html>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  handler = (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", issuer);
      const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
      if (match) {
        try {
          const details = await provider.interactionDetails(req, res);
          if (req.method === "POST" && match[2]) {
            const login = ((await readForm(req)).get("login") ?? "").trim();
            const account = accountFor(login, accounts);
            if (!account) {
              res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid, "Identifiant inconnu."));
              return;
            }
            const accountId = accounts[login] ? login : subjectOf(login);
            signedIn.set(accountId, account);
            await provider.interactionFinished(req, res, { login: { accountId, acr: account.acr ?? "eidas1", amr: ["pwd"] } }, { mergeWithLastSubmission: false });
            return;
          }
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid));
        } catch (error) {
          res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(`Interaction invalide : ${(error as Error).message}`);
        }
        return;
      }
      if (tamper && req.method === "POST" && url.pathname === "/token") {
        tamper = false;
        const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
        res.end = ((chunk?: unknown, ...rest: unknown[]) => {
          if (chunk && (typeof chunk === "string" || Buffer.isBuffer(chunk))) {
            const body = JSON.parse(chunk.toString()) as { id_token?: string };
            if (body.id_token) {
              const [header, payload, signature] = body.id_token.split(".");
              const flipped = (signature![5] === "A" ? "B" : "A") + "";
              body.id_token = `${header}.${payload}.${signature!.slice(0, 5)}${flipped}${signature!.slice(6)}`;
              return end(JSON.stringify(body), ...rest);
            }
          }
          return end(chunk, ...rest);
        }) as typeof res.end;
      }
      callback(req, res);
    })();
  };

  return {
    issuer,
    clientId,
    clientSecret,
    tamperNextIdToken: () => {
      tamper = true;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A cookie jar for one host: enough to follow the provider's redirects as a browser would. */
class Jar {
  private cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, index).trim(), pair!.slice(index + 1).trim());
    }
  }
}

/**
 * Plays the browser at the provider, for integration tests: follows the authorization URL to the provider's login page,
 * logs in as `login`, and answers the URL the provider sends back to the portal (code and state). Not followed.
 */
export async function loginAtTestProvider(authorizationUrl: string, login: string, portalOrigin: string): Promise<URL> {
  const jar = new Jar();
  let url = new URL(authorizationUrl);
  let method: "GET" | "POST" = "GET";
  let body: string | undefined;
  for (let hops = 0; hops < 10; hops++) {
    const response = await fetch(url, {
      method,
      body,
      redirect: "manual",
      headers: { cookie: jar.header(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    });
    jar.take(response);
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.origin === new URL(portalOrigin).origin) return next;
      url = next;
      method = "GET";
      body = undefined;
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action || method === "POST") throw new Error(`le fournisseur de test n'a pas redirigé (${response.status}) : ${html.slice(0, 300)}`);
    url = new URL(action, url);
    method = "POST";
    body = new URLSearchParams({ login }).toString();
  }
  throw new Error("trop de redirections chez le fournisseur de test");
}
