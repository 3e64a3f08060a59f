import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { getSettingValue, type DbClient } from "@/lib/settings/queries";
import { DEFAULT_PASSWORD_POLICY, passwordPolicySchema, type PasswordPolicy } from "./password-policy";
import type { PasswordPolicyInput } from "./password-policy-setting";

const KEY = "passwordPolicy";

/** The active password policy (the "passwordPolicy" setting, else the NIST default). */
export function getPasswordPolicy(client: DbClient): Promise<PasswordPolicy> {
  return getSettingValue(client, KEY, passwordPolicySchema, DEFAULT_PASSWORD_POLICY);
}

/** An admin sets the policy; the audit event keeps both versions (a policy holds no secrets). */
export async function savePasswordPolicy(tx: Tx, input: PasswordPolicyInput, actorId: string): Promise<void> {
  const before = await getPasswordPolicy(tx);
  const value: PasswordPolicy = {
    minLength: input.minLength,
    maxLength: input.maxLength,
    requireClasses: input.requireClasses,
    forbiddenCharacters: input.forbiddenCharacters,
  };
  await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: { ...value } }, update: { value: { ...value } } });
  await audit(tx, { actorId, action: "settings.password_policy", entityType: "Setting", entityId: KEY, data: { from: { ...before }, to: { ...value } } });
}
