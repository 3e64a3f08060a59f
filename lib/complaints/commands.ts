import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { TicketRuleError } from "@/lib/tickets/mutations";
import { ComplaintRuleError, fileComplaint, requestOmbudsman } from "./mutations";
import { COMPLAINT_REFUSAL_FIELDS } from "./rules";
import { complaintFormSchema, ombudsmanRequestSchema } from "./schema";

function refusal(error: unknown) {
  if (error instanceof ComplaintRuleError || error instanceof TicketRuleError) {
    const field = COMPLAINT_REFUSAL_FIELDS[error.code];
    return fail(error.code, field ? { [field]: [error.code] } : undefined);
  }
  throw error;
}

/** A beneficiary complains about one of their own tickets. */
export const fileComplaintAsBeneficiary = defineAction({
  name: "complaint.file.beneficiary",
  schema: complaintFormSchema,
  permission: "portal.complaint.file",
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => fileComplaint(tx, { ...input, complainantId: user.id, organisationId: null }, now)));
    } catch (error) {
      return refusal(error);
    }
  },
});

/** An employer contact complains about one of their organisation's tickets. */
export const fileComplaintAsEmployer = defineAction({
  name: "complaint.file.employer",
  schema: complaintFormSchema,
  permission: "employer.complaint.file",
  handler: async (input, { user, now }) => {
    if (!user.organisationId) return fail("FORBIDDEN");
    const organisationId = user.organisationId;
    try {
      return ok(await db.$transaction((tx) => fileComplaint(tx, { ...input, complainantId: user.id, organisationId, employer: user }, now)));
    } catch (error) {
      return refusal(error);
    }
  },
});

export const requestOmbudsmanAsBeneficiary = defineAction({
  name: "complaint.ombudsman.beneficiary",
  schema: ombudsmanRequestSchema,
  permission: "portal.complaint.ombudsman",
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => requestOmbudsman(tx, { ...input, requesterId: user.id, organisationId: null }, now)));
    } catch (error) {
      return refusal(error);
    }
  },
});

export const requestOmbudsmanAsEmployer = defineAction({
  name: "complaint.ombudsman.employer",
  schema: ombudsmanRequestSchema,
  permission: "employer.complaint.ombudsman",
  handler: async (input, { user, now }) => {
    if (!user.organisationId) return fail("FORBIDDEN");
    const organisationId = user.organisationId;
    try {
      return ok(await db.$transaction((tx) => requestOmbudsman(tx, { ...input, requesterId: user.id, organisationId, employer: user }, now)));
    } catch (error) {
      return refusal(error);
    }
  },
});
