// The password policy (DESIGN: Security). Pure: the policy comes from the "passwordPolicy" setting.
// The default follows NIST 800-63B; stricter legacy rules are expressible as classes and
// forbidden characters.
import { z } from "zod";

export const passwordPolicySchema = z.object({
  minLength: z.number().int().min(8).max(128).default(12),
  maxLength: z.number().int().min(8).max(1024).default(128),
  /** How many of lower case, upper case, digit and symbol must appear (0 = no class rule). */
  requireClasses: z.number().int().min(0).max(4).default(0),
  forbiddenCharacters: z.string().max(100).default(""),
});
export type PasswordPolicy = z.output<typeof passwordPolicySchema>;

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 12, maxLength: 128, requireClasses: 0, forbiddenCharacters: "" };

export type PasswordRefusal =
  | "PASSWORD_TOO_SHORT"
  | "PASSWORD_TOO_LONG"
  | "PASSWORD_CONTAINS_NAME"
  | "PASSWORD_COMMON"
  | "PASSWORD_REPETITIVE"
  | "PASSWORD_CLASSES"
  | "PASSWORD_FORBIDDEN_CHARACTER";

// The most used passwords of public breach lists that are 12+ characters or become so with a
// year or digits; compared case-insensitively. A short list: the length rule does most of the work.
const COMMON = new Set([
  "123456789012", "1234567890123", "12345678910", "123456789101", "qwertyuiopas", "qwertyuiop12", "qwerty123456",
  "password1234", "password12345", "password123!", "passw0rd1234", "welkom123456", "welkomwelkom", "wachtwoord12",
  "wachtwoord123", "wachtwoord1234", "iloveyou1234", "1q2w3e4r5t6y", "1qaz2wsx3edc", "aaaaaaaaaaaa", "111111111111",
  "000000000000", "abcdefghijkl", "abc123456789", "qwertyuiop123", "letmein12345", "administrator", "princess1234",
  "sunshine1234", "football1234", "baseball1234", "monkey123456", "dragon123456", "master123456", "trustno11234",
  "zaq12wsxcde3", "asdfghjkl123", "zxcvbnm12345", "passwordpassword", "loketloket12", "changeme1234", "welcome12345",
]);

// NIST 800-63B asks to refuse repetitive passwords: twelve spaces or one letter repeated meet the
// length rule but are guessed at once. Four different characters is the least a passphrase has.
const MIN_DISTINCT_CHARACTERS = 4;

function classes(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** The first rule the password breaks, or null. `name` and the mail's local part must not appear. */
export function checkPassword(
  password: string,
  person: { email: string | null; name: string },
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): PasswordRefusal | null {
  const length = [...password].length;
  if (length < policy.minLength) return "PASSWORD_TOO_SHORT";
  if (length > policy.maxLength) return "PASSWORD_TOO_LONG";
  const lower = password.toLowerCase();
  const local = person.email?.toLowerCase().split("@")[0] ?? "";
  const nameParts = person.name.toLowerCase().split(/[\s.\-_]+/).filter((p) => p.length >= 3);
  if ((local.length >= 3 && lower.includes(local)) || nameParts.some((p) => lower.includes(p))) return "PASSWORD_CONTAINS_NAME";
  if (COMMON.has(lower)) return "PASSWORD_COMMON";
  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS) return "PASSWORD_REPETITIVE";
  if (policy.requireClasses > 0 && classes(password) < policy.requireClasses) return "PASSWORD_CLASSES";
  if (policy.forbiddenCharacters && [...password].some((c) => policy.forbiddenCharacters.includes(c))) return "PASSWORD_FORBIDDEN_CHARACTER";
  return null;
}
