// What an admin may set as the password policy, and how the active policy is summed up for the
// people who must meet it. Pure: shared by the settings form, the password forms and the tests.
import { z } from "zod";
import type { PasswordPolicy } from "./password-policy";

/** The login accepts passwords up to 256 characters, so a policy may not allow longer ones. */
export const POLICY_MAX_LENGTH = 256;

/** How many character classes can still be used when these characters are forbidden. */
export function usableClasses(forbidden: string): number {
  const chars = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
  const sets = [chars(97, 122), chars(65, 90), chars(48, 57)];
  // Symbols are an open class: forbidding some never empties it.
  return sets.filter((set) => set.some((c) => !forbidden.includes(c))).length + 1;
}

/** Admin input: NIST-minded bounds (at least 8), a range that makes sense, a satisfiable class rule. */
export const passwordPolicyInputSchema = z
  .object({
    minLength: z.coerce.number().int("WHOLE_NUMBER").min(8, "MIN_BELOW_8").max(128, "MIN_ABOVE_128"),
    maxLength: z.coerce.number().int("WHOLE_NUMBER").min(8, "MAX_RANGE").max(POLICY_MAX_LENGTH, "MAX_RANGE"),
    requireClasses: z.coerce.number().int("WHOLE_NUMBER").min(0, "CLASSES_RANGE").max(4, "CLASSES_RANGE"),
    // Duplicates dropped; no control characters (they cannot be typed and would only confuse).
    forbiddenCharacters: z
      .string()
      .max(100, "FORBIDDEN_TOO_LONG")
      .refine((v) => !/\p{Cc}/u.test(v), "FORBIDDEN_CONTROL")
      .transform((v) => [...new Set(v)].join("")),
  })
  .refine((p) => p.minLength <= p.maxLength, { message: "MIN_ABOVE_MAX", path: ["maxLength"] })
  .refine((p) => p.requireClasses <= usableClasses(p.forbiddenCharacters), { message: "UNSATISFIABLE", path: ["requireClasses"] });
export type PasswordPolicyInput = z.output<typeof passwordPolicyInputSchema>;

export type PolicyRule =
  | { rule: "length"; min: number; max: number }
  | { rule: "classes"; count: number }
  | { rule: "forbidden"; characters: string }
  | { rule: "notName" }
  | { rule: "notCommon" };

/** The active policy as a list of rules, in the order a person meets them; the interface words them. */
export function describePolicy(policy: PasswordPolicy): PolicyRule[] {
  const rules: PolicyRule[] = [{ rule: "length", min: policy.minLength, max: policy.maxLength }];
  if (policy.requireClasses > 0) rules.push({ rule: "classes", count: policy.requireClasses });
  if (policy.forbiddenCharacters) rules.push({ rule: "forbidden", characters: policy.forbiddenCharacters });
  rules.push({ rule: "notName" }, { rule: "notCommon" });
  return rules;
}
