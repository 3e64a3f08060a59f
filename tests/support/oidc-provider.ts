// A real OpenID Connect provider (node-oidc-provider) on loopback for the SSO tests and the e2e
// run: registered clients, accounts with their claims (e-mail, BSN, KvK number, RSIN) and the authentication
// methods (amr/acr) their login reports, and a plain login page a person or a test fills in.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export interface TestOidcAccount {
  /** The subject; also what is typed into the login page. */
  sub: string;
  claims?: Record<string, unknown>;
  /** RFC 8176 methods reported in the id_token, e.g. ["pwd", "mfa"]. */
  amr?: string[];
  acr?: string;
}

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error: string | null): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>${error ? `<p role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}">
<label for="login">Username</label> <input id="login" name="login" autocomplete="off" autofocus>
<button type="submit">Sign in</button></form></main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startOidcProvider(options: { port?: number; host?: string; clients: TestOidcClient[]; accounts: TestOidcAccount[] }): Promise<TestOidcProvider> {
  const host = options.host ?? "127.0.0.1";
  const accounts = new Map(options.accounts.map((a) => [a.sub, a]));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
    })),
    async findAccount(_ctx: KoaContextWithOIDC, id: string) {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ sub: id, ...account.claims }) } : undefined;
    },
    // The broker's identifiers come with the openid scope, as DigiD brokers send the BSN.
    claims: { openid: ["sub", "acr", "amr", "bsn", "kvk", "rsin"], email: ["email", "email_verified"], profile: ["name"] },
    // Everything in the id_token: relying parties like next-auth read the claims from it.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["loket-test-oidc-cookie-key"] },
    pkce: { required: () => true },
    // First-party clients: no consent screen.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url?.split("?")[0] ?? "");
    if (!match) return void callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method !== "POST") {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid, null));
          return;
        }
        const login = (await formBody(req)).get("login")?.trim() ?? "";
        const account = accounts.get(login);
        if (!account) {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid, "Unknown user"));
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: account.sub, amr: account.amr, acr: account.acr } }, { mergeWithLastSubmission: false });
      } catch (error) {
        res.writeHead(400, { "content-type": "text/plain" }).end(error instanceof Error ? error.message : "interaction failed");
      }
    })();
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/**
 * Plays the browser: follows the authorization request to the login page, signs in as `login`,
 * and returns the URL the provider redirects back to (with code and state).
 */
export async function signInAt(authorizationUrl: string, login: string, redirectPrefix: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
    }
  };
  let url = authorizationUrl;
  let body: string | undefined;
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.startsWith(redirectPrefix)) return url;
    const res = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: cookieHeader(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body,
    });
    remember(res);
    body = undefined;
    const location = res.headers.get("location");
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    const html = await res.text();
    if (!/name="login"/.test(html) || /role="alert"/.test(html)) throw new Error(`the provider did not redirect back: ${res.status} ${html.slice(0, 200)}`);
    body = new URLSearchParams({ login }).toString();
  }
  throw new Error("too many redirects");
}
