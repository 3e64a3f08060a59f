import "server-only";
import { defineTxAction, defineTxDataAction } from "@/lib/actions/transactional";
import { publicBaseUrl } from "@/lib/organisations/commands";
import { limitedPerActor } from "@/lib/security/limited-action";
import { BENEFICIARY_REFUSAL_FIELDS } from "./rules";
import { BeneficiaryError, createBeneficiary, inviteBeneficiary, mergeBeneficiaries, setBeneficiaryActive, updateBeneficiary } from "./mutations";
import { beneficiaryIdSchema, createBeneficiarySchema, mergeBeneficiariesSchema, setBeneficiaryActiveSchema, updateBeneficiarySchema } from "./schema";

const refusals = [BeneficiaryError];
const refusalFields = BENEFICIARY_REFUSAL_FIELDS;

/** Returns the new account's id, so the form can lead to its page (to invite the person). */
export const createBeneficiaryAccount = defineTxDataAction({
  name: "beneficiary.create",
  schema: createBeneficiarySchema,
  permission: "beneficiaries.manage",
  refusals,
  refusalFields,
  run: (tx, input, { user, now }) => createBeneficiary(tx, user.id, input, now),
});

export const updateBeneficiaryAccount = defineTxAction({
  name: "beneficiary.update",
  schema: updateBeneficiarySchema,
  permission: "beneficiaries.manage",
  refusals,
  refusalFields,
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

export const mergeBeneficiaryAccounts = defineTxDataAction({
  name: "beneficiary.merge",
  schema: mergeBeneficiariesSchema,
  permission: "beneficiaries.manage",
  refusals,
  run: (tx, input, { user, now }) => mergeBeneficiaries(tx, user.id, input, now),
});
