import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { defineTxAction, refusalCode } from "@/lib/actions/transactional";
import { db } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/organisations/commands";
import { limitedPerActor } from "@/lib/security/limited-action";
import { BeneficiaryError, createBeneficiary, inviteBeneficiary, mergeBeneficiaries, setBeneficiaryActive, updateBeneficiary } from "./mutations";
import { beneficiaryIdSchema, createBeneficiarySchema, mergeBeneficiariesSchema, setBeneficiaryActiveSchema, updateBeneficiarySchema } from "./schema";

const refusals = [BeneficiaryError];

/** Returns the new account's id, so the form can lead to its page (to invite the person). */
export const createBeneficiaryAccount = defineAction({
  name: "beneficiary.create",
  schema: createBeneficiarySchema,
  permission: "beneficiaries.manage",
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => createBeneficiary(tx, user.id, input, now)));
    } catch (error) {
      const code = refusalCode(error, refusals);
      if (code) return fail(code);
      throw error;
    }
  },
});

export const updateBeneficiaryAccount = defineTxAction({
  name: "beneficiary.update",
  schema: updateBeneficiarySchema,
  permission: "beneficiaries.manage",
  refusals,
  run: (tx, input, { user, now }) => updateBeneficiary(tx, user.id, input, now),
});

// Mails someone: spends the inviter's invitation budget, as staff and colleague invitations do.
export const inviteBeneficiaryToPortal = limitedPerActor(
  defineTxAction({
    name: "beneficiary.invite",
    schema: beneficiaryIdSchema,
    permission: "beneficiaries.manage",
    refusals,
    run: (tx, input, { user, now }) => inviteBeneficiary(tx, user.id, input.userId, publicBaseUrl(), now),
  }),
  "invitation_actor",
);

export const setBeneficiaryAccountActive = defineTxAction({
  name: "beneficiary.active",
  schema: setBeneficiaryActiveSchema,
  permission: "beneficiaries.manage",
  refusals,
  run: (tx, input, { user, now }) => setBeneficiaryActive(tx, user.id, input.userId, input.active, now),
});

export const mergeBeneficiaryAccounts = defineAction({
  name: "beneficiary.merge",
  schema: mergeBeneficiariesSchema,
  permission: "beneficiaries.manage",
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => mergeBeneficiaries(tx, user.id, input, now)));
    } catch (error) {
      const code = refusalCode(error, refusals);
      if (code) return fail(code);
      throw error;
    }
  },
});
