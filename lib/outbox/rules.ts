// Which outgoing mails carry a secret (a one-time link or a login code). Their bodies are blanked
// in the outbox once delivered, so a database dump or an admin's look at the table cannot replay
// them. Decided by kind, so a new call site cannot forget it; enqueueMail may still say so itself.
const SENSITIVE_KINDS: ReadonlySet<string> = new Set([
  "auth.login_code",
  "account.password_reset",
  "account.email_change",
  "organisation.invite",
  "staff.invite",
]);

export function isSensitiveKind(kind: string): boolean {
  return SENSITIVE_KINDS.has(kind);
}

/** What stays of a sensitive mail's body after delivery. */
export const REDACTED_BODY = "[Inhoud verwijderd na verzending: bevatte een eenmalige link of code. / Content removed after delivery: it held a one-time link or code.]";
