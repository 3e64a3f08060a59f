// Telephone numbers as platforms send them (+31 6 1234 5678, 0031612345678, 06-12345678) and as
// people typed them into Loket, compared by their digits in one canonical form.

/**
 * Dutch numbers in their national form ("0612345678"); other countries as "00" + country code +
 * number ("0032470123456"). null when nothing like a number is left.
 */
export function nationalNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // "+31 (0)6 ...": the bracketed trunk zero is not dialled from abroad.
  const trimmed = raw.trim().replace(/\(0\)/g, "");
  let digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+")) digits = `00${digits}`;
  if (digits.startsWith("0031")) digits = `0${digits.slice(4)}`;
  return digits.length >= 6 ? digits : null;
}

/** Every digits-only spelling a stored number may have for one canonical number. */
export function numberVariants(canonical: string): string[] {
  if (canonical.startsWith("00")) return [canonical, canonical.slice(2)];
  const rest = canonical.slice(1);
  return [canonical, `31${rest}`, `0031${rest}`, `310${rest}`, `00310${rest}`];
}
