// Dutch telephone numbers as platforms send them (+31 6 1234 5678, 0031612345678, 06-12345678)
// and as people typed them into Loket: compared by their national form.

/** The national form ("0612345678"), or null when nothing like a number is left. */
export function nationalNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let digits = raw.replace(/[^\d+]/g, "");
  if (digits.startsWith("+31")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("0031")) digits = `0${digits.slice(4)}`;
  digits = digits.replace(/\+/g, "");
  // "+31 (0)6 ..." leaves a doubled trunk zero.
  if (digits.startsWith("00") && !raw.trim().startsWith("00")) digits = digits.slice(1);
  return digits.length >= 6 ? digits : null;
}

/** The spellings a stored number may have for one national number (for an indexed equality match). */
export function numberVariants(national: string): string[] {
  const rest = national.startsWith("0") ? national.slice(1) : national;
  return [national, `+31${rest}`, `0031${rest}`];
}
