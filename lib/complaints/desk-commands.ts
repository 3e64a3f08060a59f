import "server-only";
import { defineTxAction } from "@/lib/actions/transactional";
import { TicketRuleError } from "@/lib/tickets/mutations";
import { referToOmbudsmanByStaff } from "./ombudsman";
import { staffOmbudsReferralSchema } from "./schema";
import { addComplaintNote, answerComplaint, askComplainant, ComplaintDeskError, deskAnswerSchema, deskAskSchema, deskNoteSchema, deskReferSchema, logComplaintSignal, referToExternalBody, signalSchema } from "./desk";

// The desk's actions need complaints.desk.use; the complaint's stage decides further
// (complaints.stage1.handle or complaints.stage2.handle).
const refusals = [ComplaintDeskError, TicketRuleError];

export const answerComplaintAction = defineTxAction({
  name: "complaint.answer",
  schema: deskAnswerSchema,
  permission: "complaints.desk.use",
  refusals,
  run: (tx, input, { user, now }) => answerComplaint(tx, { complaintId: input.complaintId, actor: { id: user.id, role: user.role }, body: input.body }, now),
});
/** A question to the complainant that the stage waits on (the ombudsman's only way to ask one). */
export const askComplainantAction = defineTxAction({
  name: "complaint.ask",
  schema: deskAskSchema,
  permission: "complaints.desk.use",
  refusals,
  run: (tx, input, { user, now }) => askComplainant(tx, { complaintId: input.complaintId, actor: { id: user.id, role: user.role }, body: input.body }, now),
});
export const addComplaintNoteAction = defineTxAction({
  name: "complaint.note",
  schema: deskNoteSchema,
  permission: "complaints.desk.use",
  refusals,
  run: (tx, input, { user, now }) => addComplaintNote(tx, { complaintId: input.complaintId, actor: { id: user.id, role: user.role }, body: input.body }, now),
});
export const referComplaintAction = defineTxAction({
  name: "complaint.refer",
  schema: deskReferSchema,
  permission: "complaints.desk.use",
  refusals,
  run: (tx, input, { user, now }) => referToExternalBody(tx, { complaintId: input.complaintId, actor: { id: user.id, role: user.role } }, now),
});
export const logComplaintSignalAction = defineTxAction({
  name: "complaint.signal",
  schema: signalSchema,
  permission: "complaints.signal.log",
  refusals,
  run: (tx, input, { user, now }) => logComplaintSignal(tx, { ticketId: input.ticketId, actor: user, description: input.description }, now),
});
/** The line hands a stage-1 complaint to the ombudsman itself, with a reason for the complainant. */
export const referToOmbudsmanAction = defineTxAction({
  name: "complaint.ombudsman.staff",
  schema: staffOmbudsReferralSchema,
  permission: "complaints.stage1.handle",
  refusals,
  run: (tx, input, { user, now }) => referToOmbudsmanByStaff(tx, { complaintId: input.complaintId, actor: { id: user.id, role: user.role }, reason: input.reason }, now),
});
