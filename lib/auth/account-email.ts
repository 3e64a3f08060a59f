/**
 * The address of a person who logs in. Only people registered from a paper letter have none
 * (lib/letters/intake.ts), and they have no password and cannot be invited until staff add one
 * (lib/beneficiaries keeps it so), so an account that reaches a login, reset or 2FA step has one.
 */
export function accountEmail(user: { email: string | null }): string {
  if (user.email === null) throw new Error("An account that logs in has an e-mail address");
  return user.email;
}
