import "server-only";
import { z } from "zod";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { defineTxAction } from "@/lib/actions/transactional";
import { authSecret } from "@/lib/auth/auth-secret";
import { ssoConfig } from "./config";
import { linkIntentValue } from "./link-intent";
import { saveSsoSettings, SsoSettingsError } from "./settings";

// Checkboxes arrive as booleans from the form; "on"/"true" strings are accepted too.
const flag = z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]);

/** Whether the IdP's MFA counts as the second factor, and whether staff may still use a password (admins). */
export const updateSsoSettings = defineTxAction({
  name: "integrations.sso.settings",
  schema: z.object({ idpMfaCounts: flag, staffPasswordOff: flag }),
  permission: "integrations.manage",
  refusals: [SsoSettingsError],
  run: (tx, input, { user }) => saveSsoSettings(tx, input, user.id),
});

/**
 * A logged-in citizen (DigiD) or employer contact (eHerkenning) starts linking: the signed intent
 * the broker's callback looks for (lib/sso/next-auth.ts). The same right as changing one's own
 * password: it adds a way into the person's own account.
 */
export const startCitizenLink = defineAction({
  name: "account.sso.startLink",
  schema: z.object({}),
  permission: "account.password.change",
  async handler(_input, { user, now }) {
    if (user.role !== "BENEFICIARY" && user.role !== "EMPLOYER_CONTACT") return fail("SSO_WRONG_ACCOUNT");
    if (!ssoConfig().citizen) return fail("SSO_NOT_CONFIGURED");
    return ok({ intent: linkIntentValue(user.id, now, authSecret()) });
  },
});
