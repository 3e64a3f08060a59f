import "server-only";
// The admin's two choices for staff single sign-on, one Setting row ("sso.staff").
import { z } from "zod";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { getSettingValue, type DbClient } from "@/lib/settings/queries";
import { ssoConfig } from "./config";

export const SSO_SETTING = "sso.staff";

export const ssoSettingsSchema = z.object({
  /** The IdP's MFA (amr/acr in the id_token) stands in for Loket's TOTP. */
  idpMfaCounts: z.boolean(),
  /** Staff may not log in with a password (break-glass addresses excepted). */
  staffPasswordOff: z.boolean(),
});
export type SsoSettings = z.output<typeof ssoSettingsSchema>;

const DEFAULTS: SsoSettings = { idpMfaCounts: false, staffPasswordOff: false };

export async function getSsoSettings(client: DbClient): Promise<SsoSettings> {
  return getSettingValue(client, SSO_SETTING, ssoSettingsSchema, DEFAULTS);
}

export class SsoSettingsError extends Error {
  constructor(readonly code: "SSO_NOT_CONFIGURED") {
    super(code);
    this.name = "SsoSettingsError";
  }
}

/** Saves and audits; switching the password off without a staff IdP would lock every colleague out. */
export async function saveSsoSettings(tx: Tx, input: SsoSettings, actorId: string): Promise<void> {
  if (input.staffPasswordOff && !ssoConfig().staff) throw new SsoSettingsError("SSO_NOT_CONFIGURED");
  const before = await getSsoSettings(tx);
  const value = { idpMfaCounts: input.idpMfaCounts, staffPasswordOff: input.staffPasswordOff };
  await tx.setting.upsert({ where: { key: SSO_SETTING }, create: { key: SSO_SETTING, value }, update: { value } });
  await audit(tx, { actorId, action: "settings.update", entityType: "Setting", entityId: SSO_SETTING, data: { before, after: value } });
}
