// Logging in over HTTP as a person does, against a running server: next-auth's credentials step,
// then for staff the TOTP step with the demo secret. Used by bench:http and the instances test.
import { authenticator } from "otplib";
import { DEMO_TOTP_SECRET } from "../../prisma/seed-totp";

export const DEMO_PASSWORD = "Loket-demo-2026";

/** A cookie jar of one person: what the server set, sent back as one Cookie header. */
export class Jar {
  private cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** One next-auth credentials step, as the login form's signIn() sends it; fails on a refusal. */
export async function signInStep(base: string, jar: Jar, provider: string, fields: Record<string, string>): Promise<void> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/${provider}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: base },
    body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: base, json: "true" }),
  });
  jar.take(response);
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  const refused = url ? new URL(url).searchParams.get("error") : "no answer";
  if (!response.ok || refused) throw new Error(`login step ${provider} for ${fields.email ?? "the second factor"} refused: HTTP ${response.status} ${refused ?? ""}`);
}

/**
 * The real login: password, then (staff) the TOTP code of the demo secret. Returns the Cookie
 * header. A code is accepted once per person and time step, so log each person in once.
 */
export async function login(base: string, email: string, options: { totp: boolean; password?: string }): Promise<string> {
  const jar = new Jar();
  await signInStep(base, jar, "credentials", { email, password: options.password ?? DEMO_PASSWORD });
  if (options.totp) await signInStep(base, jar, "two-factor", { code: authenticator.generate(DEMO_TOTP_SECRET) });
  return jar.header();
}
