// The one table of who may do what (CONVENTIONS: Server actions). Roles grant permissions; an
// employer contact's organisation rights and the HR-professional flag add more. Actions, pages
// and route handlers name the permission they need and ask `can`; nothing else lists roles.
// Pure: no I/O, so the action base, the layouts and the authorization matrix test share it.
import type { ComplaintStage, OrganisationRight, Role } from "@prisma/client";

export const PERMISSIONS = [
  // Everyone signed in, about their own account.
  "account.password.change",
  "account.twoFactor.manage",
  // Change one's e-mail address (confirmed by a link to the new one).
  "account.email.change",
  // One's own notifications: the bell, the inbox, and how each kind reaches one.
  "account.notifications.manage",

  // Beneficiary portal: own tickets, own appointments, own complaints (DESIGN: Roles).
  "portal.enter",
  "portal.ticket.read",
  "portal.ticket.create",
  "portal.ticket.reply",
  "portal.callback.book",
  "portal.callback.change",
  "portal.complaint.file",
  "portal.complaint.ombudsman",
  "portal.survey.answer",
  // Live chat with the contact centre, during the chat line's hours, on the chat topics.
  "portal.chat.use",

  // Employer portal. Complaints are everyone's; the rest comes with a right or the HR flag.
  "employer.enter",
  "employer.complaint.file",
  "employer.complaint.ombudsman",
  "employer.ticket.read",
  "employer.request.submit",
  "employer.escalation.raise",
  "employer.users.manage",
  "employer.employees.manage",
  "employer.hrdesk.use",
  // The satisfaction survey on a resolved question of one's organisation.
  "employer.survey.answer",
  // Live chat; its transcript becomes a ticket of the organisation, so it comes with SUBMIT_REQUESTS.
  "employer.chat.use",

  // Agent workspace: every staff member enters and reads tickets in their scope.
  "workspace.enter",
  "workspace.ticket.read",
  "workspace.dossier.read",
  "workspace.ticket.take",
  "workspace.ticket.reply",
  "workspace.ticket.note",
  "workspace.ticket.change",
  "workspace.postalAddress.edit",
  "phone.call.log",
  "phone.preannouncement.log",
  // Correct which urgent request a phone pre-announcement was matched to.
  "phone.preannouncement.link",
  // The outcome of the call that confirms an urgent mail nobody announced by phone.
  "urgent.verification.record",
  "callbacks.attempt.log",
  "kb.read",
  "kb.article.manage",
  // Answer templates (macros): written by the lead desk, used by whoever may reply.
  "kb.macro.manage",
  "complaints.signal.log",
  // Vouch for the sender of a mail that arrived unauthenticated (links it to an account).
  "mail.sender.confirm",
  // The chat console: pick up waiting chats, answer, transfer, end (transcript on a ticket).
  "chat.console.use",
  // Register an incoming paper letter (scan, sender, date of receipt) as a LETTER ticket.
  "letters.intake.register",

  // Lead desk.
  "escalations.board.read",
  "escalations.tier1.handle",
  "escalations.tier2.handle",
  "complaints.desk.use",
  "complaints.stage1.handle",
  "complaints.stage2.handle",
  "sla.monitor.read",
  "kpi.read",

  // Administration.
  "settings.manage",
  "staff.manage",
  "mail.outbox.read",
  "mail.outbox.manage",
  // Employer and partner organisations: create, edit, invite the main contact, deactivate.
  "organisations.manage",
  // Beneficiaries: create, invite to the portal, deactivate, merge duplicates.
  "beneficiaries.manage",
  // Bulk import of organisations, employer contacts and beneficiaries from CSV.
  "import.run",
  // The audit log reader and its CSV export.
  "audit.read",
  // Retention settings, legal holds, a person's data export and erasure (AVG).
  "privacy.manage",
  // API tokens, webhook endpoints and single sign-on (issue 16).
  "integrations.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const ACCOUNT: readonly Permission[] = ["account.password.change", "account.twoFactor.manage", "account.email.change", "account.notifications.manage"];

const STAFF: readonly Permission[] = [...ACCOUNT, "workspace.enter", "workspace.ticket.read", "kb.read"];

/** The first line and everyone else who works tickets from the queue. */
const TICKET_WORK: readonly Permission[] = [
  "workspace.ticket.take",
  "workspace.ticket.reply",
  "workspace.ticket.note",
  "workspace.ticket.change",
  // Record or correct the requester's postal address (letters go to it).
  "workspace.postalAddress.edit",
  "phone.call.log",
  "phone.preannouncement.log",
  "chat.console.use",
  "letters.intake.register",
];

/** What a coordinator has; a manager has all of it and tier 2 (DESIGN: Roles). */
const COORDINATOR: readonly Permission[] = [
  ...STAFF,
  ...TICKET_WORK,
  "workspace.dossier.read",
  "callbacks.attempt.log",
  "urgent.verification.record",
  "phone.preannouncement.link",
  "complaints.signal.log",
  "mail.sender.confirm",
  "kb.article.manage",
  "kb.macro.manage",
  "escalations.board.read",
  "escalations.tier1.handle",
  "complaints.desk.use",
  "complaints.stage1.handle",
  "sla.monitor.read",
  "kpi.read",
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  BENEFICIARY: [
    ...ACCOUNT,
    "portal.enter",
    "portal.ticket.read",
    "portal.ticket.create",
    "portal.ticket.reply",
    "portal.callback.book",
    "portal.callback.change",
    "portal.complaint.file",
    "portal.complaint.ombudsman",
    "portal.survey.answer",
    "portal.chat.use",
  ],
  EMPLOYER_CONTACT: [...ACCOUNT, "employer.enter", "employer.complaint.file", "employer.complaint.ombudsman"],
  // First line: no dossier content, no callback attempts (a case handler calls back).
  CALLCENTER_AGENT: [...STAFF, ...TICKET_WORK, "complaints.signal.log"],
  CASE_HANDLER: [...STAFF, ...TICKET_WORK, "workspace.dossier.read", "callbacks.attempt.log", "urgent.verification.record", "phone.preannouncement.link", "complaints.signal.log", "mail.sender.confirm"],
  // Coordinators look after the people their line serves: beneficiaries, not organisations.
  TEAM_COORDINATOR: [...COORDINATOR, "beneficiaries.manage"],
  MANAGER: [...COORDINATOR, "beneficiaries.manage", "escalations.tier2.handle"],
  // Reads their organisations' tickets and escalations; works none of them.
  CUSTOMER_SUCCESS_MANAGER: [...STAFF, "workspace.dossier.read", "escalations.board.read"],
  // Independent of the line: complaints in stage 2 only.
  OMBUDS: [...STAFF, "workspace.dossier.read", "complaints.desk.use", "complaints.stage2.handle"],
  // Configuration and accounts; today also the queue, callbacks, the knowledge base and the lead
  // desk's monitors, but neither escalations nor complaints nor complaint signals.
  ADMIN: [
    ...STAFF,
    ...TICKET_WORK,
    "workspace.dossier.read",
    "callbacks.attempt.log",
    "urgent.verification.record",
    "phone.preannouncement.link",
    "mail.sender.confirm",
    "kb.article.manage",
    "kb.macro.manage",
    "sla.monitor.read",
    "kpi.read",
    "settings.manage",
    "staff.manage",
    "mail.outbox.read",
    "mail.outbox.manage",
    "organisations.manage",
    "beneficiaries.manage",
    "import.run",
    "audit.read",
    "privacy.manage",
    "integrations.manage",
  ],
};

/** An employer contact's organisation rights add these (only with an organisation). */
export const RIGHT_PERMISSIONS: Readonly<Record<OrganisationRight, readonly Permission[]>> = {
  SUBMIT_REQUESTS: ["employer.ticket.read", "employer.request.submit", "employer.escalation.raise", "employer.survey.answer", "employer.chat.use"],
  MANAGE_USERS: ["employer.users.manage"],
  MANAGE_EMPLOYEES: ["employer.employees.manage"],
};

/** The HR-professional flag opens the HR desk (DESIGN: HR desk). */
export const HR_PROFESSIONAL_PERMISSIONS: readonly Permission[] = ["employer.hrdesk.use"];

/** What `can` needs to know of a person; a SessionUser fits. */
export interface PermissionSubject {
  role: Role;
  rights?: readonly OrganisationRight[];
  hrProfessional?: boolean;
  organisationId?: string | null;
}

/**
 * Everything this person may do. Rights and the HR flag count only for an employer contact who
 * belongs to an organisation: a right without an organisation scopes to nothing.
 */
export function permissionsOf(user: PermissionSubject): ReadonlySet<Permission> {
  const granted = new Set<Permission>(ROLE_PERMISSIONS[user.role]);
  if (user.role === "EMPLOYER_CONTACT" && user.organisationId) {
    for (const right of user.rights ?? []) for (const p of RIGHT_PERMISSIONS[right]) granted.add(p);
    if (user.hrProfessional) for (const p of HR_PROFESSIONAL_PERMISSIONS) granted.add(p);
  }
  return granted;
}

export function can(user: PermissionSubject | null | undefined, permission: Permission): boolean {
  return user != null && permissionsOf(user).has(permission);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** Which permission handles a complaint in this stage (signals and stage 1 are the line's). */
export function complaintStagePermission(stage: ComplaintStage): Permission {
  return stage === "STAGE_2" ? "complaints.stage2.handle" : "complaints.stage1.handle";
}

/** Which permission handles an escalation of this tier. */
export function escalationTierPermission(tier: number): Permission {
  return tier >= 2 ? "escalations.tier2.handle" : "escalations.tier1.handle";
}
