// Every server action in one list, so the authorization matrix can enumerate them and a unit test
// can prove no action was left out (tests/unit/actions/registry.test.ts). Not for the app's own
// imports: it pulls in every domain.
import "server-only";
import type { z } from "zod";
import { changeOwnPassword } from "@/lib/account/commands";
import { requestOwnEmailChange } from "@/lib/account/email-change-commands";
import { bookCallbackForCustomer, cancelCallbackForCustomer } from "@/lib/api/callback-commands";
import { createTicketForCustomer } from "@/lib/api/ticket-commands";
import { createApiToken, revokeApiToken } from "@/lib/api/token-commands";
import { createBeneficiaryAccount, inviteBeneficiaryToPortal, mergeBeneficiaryAccounts, setBeneficiaryAccountActive, updateBeneficiaryAccount } from "@/lib/beneficiaries/commands";
import { updateAttemptTiming } from "@/lib/callbacks/attempt-settings";
import { resetBrandSettings, updateBrand } from "@/lib/brand/admin";
import { logOutEverywhere } from "@/lib/auth/session-commands";
import { finishTotpEnrolment, startTotpEnrolment } from "@/lib/auth/two-factor-commands";
import { fileComplaintAsBeneficiary, fileComplaintAsEmployer, requestOmbudsmanAsBeneficiary, requestOmbudsmanAsEmployer } from "@/lib/complaints/commands";
import { saveComplaintBodyAction, setCategoryComplaintBodyAction } from "@/lib/complaints/body-commands";
import { addComplaintNoteAction, answerComplaintAction, askComplainantAction, logComplaintSignalAction, referComplaintAction, referToOmbudsmanAction } from "@/lib/complaints/desk-commands";
import { fileQuestion, replyToTicket as replyAsEmployer } from "@/lib/employer/commands";
import { requestHrDeskConversation } from "@/lib/employer/hr-desk";
import { escalateEmployerTier2, raiseEmployerEscalation } from "@/lib/escalations/commands";
import { answerEscalationAction, moveEscalationUpAction, resolveEscalationAction, takeEscalationAction } from "@/lib/escalations/desk-commands";
import { createKbArticle, publishKbArticle, updateKbArticle } from "@/lib/kb/commands";
import { updatePostalAddress } from "@/lib/letters/commands";
import { registerLetter } from "@/lib/letters/intake";
import { createMacroAction, renderMacroAction, updateMacroAction } from "@/lib/macros/commands";
import { addContactLineClosureDay, createContactLine, removeContactLine, removeContactLineClosureDay, updateContactLine } from "@/lib/lines/admin";
import { retryMail } from "@/lib/mail/admin";
import { resetMailTemplate, saveMailTemplate } from "@/lib/mail-templates/commands";
import { updateKpiTargets } from "@/lib/kpi/targets-settings";
import {
  createOrganisationAction,
  inviteMainContactAction,
  resendOrganisationInviteAsAdmin,
  setOrganisationActiveAction,
  updateOrganisationAction,
  withdrawOrganisationInviteAsAdmin,
} from "@/lib/org-admin/commands";
import { confirmMailSender } from "@/lib/mail/confirm-sender";
import { changeRights, changeTwoFactorSetting, deactivateColleague, inviteToOrganisation, resendOrganisationInvite, withdrawOrganisationInvite } from "@/lib/organisations/commands";
import { startImport } from "@/lib/import/commands";
import { markAllNotificationsRead, openNotificationAction, saveNotificationPreferences } from "@/lib/notifications/commands";
import { logPhoneCall, logPhonePreAnnouncement } from "@/lib/phone/commands";
import { erasePersonAction, placeLegalHold, releaseLegalHold, updateRetention } from "@/lib/privacy/commands";
import { bookPortalCallback, cancelPortalCallback, movePortalCallback } from "@/lib/portal/callback-commands";
import { replyAsBeneficiary, sendPortalMessage } from "@/lib/portal/commands";
import { takeNextTicket, takeTicketAction } from "@/lib/queue/commands";
import {
  createClosureDay,
  deleteClosureDay,
  updateHolidaySettings,
  updateOpeningHours,
  updatePasswordPolicy,
  updateSlaPolicy,
  updateSlotCapacity,
} from "@/lib/settings/admin";
import {
  changeStaffMember,
  createStaffTeam,
  inviteStaffMember,
  renameStaffTeam,
  resendStaffInvite,
  resetStaffMemberTwoFactor,
  setStaffMemberActive,
  withdrawStaffInvite,
} from "@/lib/staff/commands";
import {
  acceptChatCommand,
  endChatCommand,
  leaveEmployerChat,
  leaveEmployerChatAsMessage,
  leavePortalChat,
  leavePortalChatAsMessage,
  sendChatAsAgent,
  sendEmployerChat,
  sendPortalChat,
  startEmployerChat,
  startPortalChat,
  transferChatCommand,
  typingAsAgent,
  typingEmployerChat,
  typingPortalChat,
  updateChatSettings,
  updateChatTopics,
} from "@/lib/chat/commands";
import { answerSurveyAsBeneficiary, answerSurveyAsEmployer } from "@/lib/survey/commands";
import { recordUrgentVerification, relinkUrgentPreAnnouncement, submitUrgentRequest, updatePreAnnouncementExpiry, updateUrgentWords } from "@/lib/urgent/commands";
import { startCitizenLink, updateSsoSettings } from "@/lib/sso/commands";
import { createWebhook, deleteWebhook, resendWebhook, rotateWebhookSecretAction, setWebhookPaused } from "@/lib/webhooks/commands";
import { logCallbackAttempt } from "@/lib/workspace/attempt";
import { addNote, changeTicketFields, replyToTicket as replyAsStaff } from "@/lib/workspace/commands";
import type { DefinedAction } from "./define";

export type RegisteredAction = DefinedAction<z.ZodType, unknown>;

export const ACTIONS: readonly RegisteredAction[] = [
  // Live chat (customer side: the portal's and the employer portal's; console; settings)
  startPortalChat,
  sendPortalChat,
  typingPortalChat,
  leavePortalChat,
  leavePortalChatAsMessage,
  startEmployerChat,
  sendEmployerChat,
  typingEmployerChat,
  leaveEmployerChat,
  leaveEmployerChatAsMessage,
  sendChatAsAgent,
  typingAsAgent,
  acceptChatCommand,
  transferChatCommand,
  endChatCommand,
  updateChatSettings,
  updateChatTopics,
  // Everyone signed in
  changeOwnPassword,
  requestOwnEmailChange,
  startTotpEnrolment,
  finishTotpEnrolment,
  logOutEverywhere,
  openNotificationAction,
  markAllNotificationsRead,
  saveNotificationPreferences,
  // Beneficiary portal
  sendPortalMessage,
  replyAsBeneficiary,
  bookPortalCallback,
  movePortalCallback,
  cancelPortalCallback,
  fileComplaintAsBeneficiary,
  requestOmbudsmanAsBeneficiary,
  answerSurveyAsBeneficiary,
  // Employer portal
  fileQuestion,
  replyAsEmployer,
  submitUrgentRequest,
  raiseEmployerEscalation,
  escalateEmployerTier2,
  fileComplaintAsEmployer,
  requestOmbudsmanAsEmployer,
  requestHrDeskConversation,
  answerSurveyAsEmployer,
  inviteToOrganisation,
  withdrawOrganisationInvite,
  resendOrganisationInvite,
  changeRights,
  deactivateColleague,
  changeTwoFactorSetting,
  // Agent workspace
  takeNextTicket,
  takeTicketAction,
  replyAsStaff,
  addNote,
  changeTicketFields,
  // Opened through the API for a back office (issue 16 item 1)
  createTicketForCustomer,
  bookCallbackForCustomer,
  cancelCallbackForCustomer,
  logPhoneCall,
  logPhonePreAnnouncement,
  relinkUrgentPreAnnouncement,
  recordUrgentVerification,
  logCallbackAttempt,
  logComplaintSignalAction,
  confirmMailSender,
  createKbArticle,
  updateKbArticle,
  publishKbArticle,
  renderMacroAction,
  updatePostalAddress,
  registerLetter,
  // Lead desk
  createMacroAction,
  updateMacroAction,
  takeEscalationAction,
  answerEscalationAction,
  resolveEscalationAction,
  moveEscalationUpAction,
  answerComplaintAction,
  askComplainantAction,
  addComplaintNoteAction,
  referComplaintAction,
  referToOmbudsmanAction,
  // Administration
  createBeneficiaryAccount,
  updateBeneficiaryAccount,
  inviteBeneficiaryToPortal,
  setBeneficiaryAccountActive,
  mergeBeneficiaryAccounts,
  updateHolidaySettings,
  createClosureDay,
  deleteClosureDay,
  updateOpeningHours,
  createContactLine,
  updateContactLine,
  removeContactLine,
  addContactLineClosureDay,
  removeContactLineClosureDay,
  updateSlaPolicy,
  updateUrgentWords,
  updatePreAnnouncementExpiry,
  updateSlotCapacity,
  updateAttemptTiming,
  saveComplaintBodyAction,
  setCategoryComplaintBodyAction,
  updatePasswordPolicy,
  updateBrand,
  resetBrandSettings,
  updateKpiTargets,
  saveMailTemplate,
  resetMailTemplate,
  inviteStaffMember,
  withdrawStaffInvite,
  resendStaffInvite,
  changeStaffMember,
  setStaffMemberActive,
  resetStaffMemberTwoFactor,
  createStaffTeam,
  renameStaffTeam,
  createOrganisationAction,
  updateOrganisationAction,
  setOrganisationActiveAction,
  inviteMainContactAction,
  withdrawOrganisationInviteAsAdmin,
  resendOrganisationInviteAsAdmin,
  retryMail,
  // API tokens (issue 16 item 1)
  createApiToken,
  revokeApiToken,
  // Webhooks (issue 16 item 2)
  createWebhook,
  rotateWebhookSecretAction,
  setWebhookPaused,
  deleteWebhook,
  resendWebhook,
  startImport,
  updateRetention,
  placeLegalHold,
  releaseLegalHold,
  erasePersonAction,
  // Single sign-on: the admin's settings; a citizen or employer starts linking DigiD/eHerkenning
  updateSsoSettings,
  startCitizenLink,
];
