// The authorization matrix: every registered action x every kind of caller x an own and a foreign
// record, with the expected outcome read from the permission table (lib/auth/permissions.ts):
//   no session                      -> UNAUTHENTICATED, nothing changed
//   without the action's permission -> FORBIDDEN, nothing changed
//   with it, a foreign record       -> the action's not-found code, nothing changed
//   with it, an own record          -> anything but an authorization refusal (a business refusal
//                                      such as ALREADY_ANSWERED is fine)
// Records are made fresh per cell with plain inserts, so a cell never depends on an earlier one.
import { randomUUID } from "node:crypto";
import type { ComplaintStage, OrganisationRight, Role } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, type RegisteredAction } from "@/lib/actions/registry";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import { slotWindow } from "@/lib/callbacks/rules";
import { db } from "@/lib/db/client";
import { seesAllTeams } from "@/lib/tickets/rules";
import { seedDemo, sessionFor } from "../support/fixtures";

const NOW = new Date("2026-11-24T10:00:00Z"); // the seed's Tuesday
const NEXT_DAY = "2026-11-25"; // a working day inside the booking horizon
const PASSWORD = "Loket-demo-2026";
/** A hard floor: the matrix cannot pass by running (almost) nothing. */
const MIN_CELLS = 1_100;

// ───────────────────────────── callers ─────────────────────────────

interface Principal {
  key: string;
  user: SessionUser | null;
}

const EMPLOYER_VARIANTS: { key: string; rights: OrganisationRight[]; hrProfessional: boolean }[] = [
  { key: "EMPLOYER_CONTACT", rights: [], hrProfessional: false },
  { key: "EMPLOYER_CONTACT+MANAGE_USERS", rights: ["MANAGE_USERS"], hrProfessional: false },
  { key: "EMPLOYER_CONTACT+MANAGE_EMPLOYEES", rights: ["MANAGE_EMPLOYEES"], hrProfessional: false },
  { key: "EMPLOYER_CONTACT+SUBMIT_REQUESTS", rights: ["SUBMIT_REQUESTS"], hrProfessional: false },
  { key: "EMPLOYER_CONTACT+HR_PROFESSIONAL", rights: [], hrProfessional: true },
];

const STAFF: { role: Role; email: string }[] = [
  { role: "CALLCENTER_AGENT", email: "agent@loket.example" },
  { role: "CASE_HANDLER", email: "behandelaar@loket.example" },
  { role: "TEAM_COORDINATOR", email: "coordinator@loket.example" },
  { role: "MANAGER", email: "manager@loket.example" },
  { role: "CUSTOMER_SUCCESS_MANAGER", email: "csm@loket.example" },
  { role: "OMBUDS", email: "ombudsman@loket.example" },
  { role: "ADMIN", email: "admin@loket.example" },
];

const PRINCIPAL_COUNT = 1 + EMPLOYER_VARIANTS.length + STAFF.length + 1;

// ───────────────────────────── the demo world and fresh records ─────────────────────────────

interface World {
  principals: Principal[];
  anna: SessionUser;
  bram: string;
  eva: SessionUser;
  tom: string;
  lisa: string;
  handler: string;
  vandijk: string;
  zorgnoord: string;
  teams: { uitkeringen: string; werkgevers: string; elders: string };
  categories: Map<string, string>;
  kbArticle: string;
}

let w: World;
let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence += 1)}`;

async function ticket(data: { requesterId: string; organisationId?: string | null; teamId?: string; assigneeId?: string | null; status?: "OPEN" | "RESOLVED"; category?: string }) {
  return db.ticket.create({
    data: {
      number: `LK-2026-${String(900_000 + (sequence += 1))}`,
      subject: "Matrixvraag",
      categoryId: w.categories.get(data.category ?? "GENERAL_QUESTION")!,
      channel: "PORTAL",
      status: data.status ?? "OPEN",
      audience: data.organisationId ? "EMPLOYER" : "BENEFICIARY",
      requesterId: data.requesterId,
      organisationId: data.organisationId ?? null,
      teamId: data.teamId ?? w.teams.uitkeringen,
      assigneeId: data.assigneeId ?? null,
      resolvedAt: data.status === "RESOLVED" ? NOW : null,
    },
    select: { id: true, number: true },
  });
}

async function appointment(personId: string, teamId: string) {
  const t = await ticket({ requesterId: personId, teamId });
  return db.callbackAppointment.create({
    data: { ticketId: t.id, personId, teamId, date: NEXT_DAY, slot: "MORNING", slotStart: slotWindow(NEXT_DAY, "MORNING").startsAt, phone: "0612345678", bookedById: w.handler },
    select: { id: true },
  });
}

async function webhookEndpoint(): Promise<string> {
  const endpoint = await db.webhookEndpoint.create({ data: { url: "https://hooks.example/matrix", eventTypes: ["ticket.created"], secret: "sealed-elsewhere", createdById: w.handler }, select: { id: true } });
  return endpoint.id;
}

async function complaint(data: { complainantId: string; organisationId?: string | null; stage?: ComplaintStage; answered?: boolean; subjectCategory?: string }) {
  const subject = await ticket({ requesterId: data.complainantId, organisationId: data.organisationId, category: data.subjectCategory });
  const own = await ticket({ requesterId: data.complainantId, organisationId: data.organisationId, category: "COMPLAINT" });
  return db.complaint.create({
    data: {
      ticketId: own.id,
      subjectTicketId: subject.id,
      organisationId: data.organisationId ?? null,
      complainantId: data.complainantId,
      description: "Ik ben niet teruggebeld.",
      stage: data.stage ?? "STAGE_1",
      status: data.answered ? "ANSWERED" : "OPEN",
      answeredAt: data.answered ? new Date(NOW.getTime() - 86_400_000) : null,
      receivedAt: new Date(NOW.getTime() - 3 * 86_400_000),
      dueAt: new Date(NOW.getTime() + 5 * 86_400_000),
    },
    select: { id: true },
  });
}

async function escalation(organisationId: string, raisedById: string, tier: 1 | 2) {
  const t = await ticket({ requesterId: raisedById, organisationId, teamId: w.teams.werkgevers });
  return db.escalation.create({
    data: { ticketId: t.id, organisationId, tier, reason: "Al weken geen antwoord.", raisedById, dueAt: new Date(NOW.getTime() + 86_400_000) },
    select: { id: true },
  });
}

async function invitation(organisationId: string | null, invitedById: string) {
  return db.invitation.create({
    data: {
      organisationId,
      role: organisationId ? "EMPLOYER_CONTACT" : "CALLCENTER_AGENT",
      email: `uitgenodigd-${unique()}@matrix.example`,
      name: "Uitgenodigde",
      tokenHash: randomUUID(),
      expiresAt: new Date(NOW.getTime() + 7 * 86_400_000),
      invitedById,
    },
    select: { id: true },
  });
}

async function person(role: Role, organisationId?: string) {
  const user = await db.user.create({ data: { email: `persoon-${unique()}@matrix.example`, name: "Matrix Persoon", role, passwordHash: "not-a-hash" }, select: { id: true } });
  if (organisationId) await db.membership.create({ data: { userId: user.id, organisationId, rights: ["SUBMIT_REQUESTS"] } });
  return user;
}

/** A staff member's scope: their first team, else a ticket assigned to them (DESIGN: scope by user). */
function staffTeam(u: SessionUser): string {
  return u.teamIds[0] ?? w.teams.uitkeringen;
}
function scopedTicket(u: SessionUser) {
  const inScopeByTeam = seesAllTeams(u.role) || u.teamIds.length > 0;
  return ticket({ requesterId: w.anna.id, teamId: staffTeam(u), assigneeId: inScopeByTeam ? null : u.id });
}
/** Outside the scope: another team's ticket; for those who see every team, no such ticket. */
async function foreignTicket(u: SessionUser, outOfTeam: string, missing: string) {
  if (seesAllTeams(u.role)) return { id: "matrix-no-such-ticket", refusal: missing };
  return { id: (await ticket({ requesterId: w.bram, teamId: w.teams.elders })).id, refusal: outOfTeam };
}

/**
 * An own-organisation record the caller's permissions do not reach (lib/employer/scope.ts): HR-desk
 * conversations need employer.hrdesk.use, other tickets employer.ticket.read. Refused like a
 * foreign record.
 */
class OutOfReach {
  constructor(
    readonly input: unknown,
    readonly refusal: string,
  ) {}
}

/** A Van Dijk ticket the contact may read if any: an ordinary one, else an HR-desk conversation. */
function employerTicketKind(u: SessionUser): { category: string; reachable: boolean } {
  if (can(u, "employer.ticket.read")) return { category: "GENERAL_QUESTION", reachable: true };
  if (can(u, "employer.hrdesk.use")) return { category: "HR_DESK", reachable: true };
  return { category: "GENERAL_QUESTION", reachable: false };
}

/** A Van Dijk urgent mail waiting for its confirming call, in the caller's scope or another team's. */
async function urgentTicket(u: SessionUser, foreign: boolean): Promise<string> {
  const inScopeByTeam = seesAllTeams(u.role) || u.teamIds.length > 0;
  const t = foreign
    ? await ticket({ requesterId: w.lisa, organisationId: w.vandijk, teamId: w.teams.elders, category: "URGENT_REQUEST" })
    : await ticket({ requesterId: w.lisa, organisationId: w.vandijk, teamId: staffTeam(u), assigneeId: inScopeByTeam ? null : u.id, category: "URGENT_REQUEST" });
  await db.urgentRequest.create({
    data: { ticketId: t.id, organisationId: w.vandijk, reason: "Spoed", forWhom: "", notPreAnnounced: true, verification: "PENDING", receivedAt: NOW, dueAt: new Date(NOW.getTime() + 86_400_000) },
  });
  return t.id;
}
function openAnnouncement() {
  return db.preAnnouncement.create({
    data: { organisationId: w.vandijk, callerName: "Eva Bakker", subject: "Loonbeslag", reason: "Salarisrun", forWhom: "2231", status: "OPEN", loggedById: w.handler, createdAt: NOW },
    select: { id: true },
  });
}

/** An unread notification of this person (notifications area). */
function notification(userId: string) {
  const key = `matrix:${unique()}`;
  return db.notification.create({ data: { userId, kind: "sla.breached", dedupeKey: key, entityType: "Ticket", entityId: key, data: { number: "LK-2026-999999" } }, select: { id: true } });
}

// ───────────────────────────── inputs per action ─────────────────────────────

interface Ctx {
  /** Whose point of view the record is made from: the caller, or a holder of the permission. */
  u: SessionUser;
}
interface Foreign {
  input: unknown;
  /** The action's not-found code for a record that is not the caller's. */
  refusal: string;
}
interface Spec {
  own: (c: Ctx) => Promise<unknown | OutOfReach>;
  /** Absent: the action takes no record of someone else (a new question, a setting, one's own account). */
  foreign?: (c: Ctx) => Promise<Foreign>;
}

const question = { subject: "Vraag over mijn betaling", body: "Wanneer wordt mijn aanvulling betaald?" };
const week = (opens: string, closes: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, hours: weekday > 5 ? "" : `${opens}-${closes}` }));
/** A fresh contact line (ContactLine keys are upper case). */
async function contactLine() {
  return db.contactLine.create({ data: { key: `MATRIX_${unique().toUpperCase()}`, nameNl: "Matrixlijn", nameEn: "Matrix line", audience: "EMPLOYER" }, select: { key: true } });
}
const lineFields = { nameNl: "HR-desk lijn", nameEn: "HR desk line", phone: "088 - 123 45 80", audience: "EMPLOYER", channels: ["PHONE"], active: true };
const macroInput = { title: "Matrixmacro", body: "Beste {naam}, uw vraag {registratienummer} is in behandeling.", locale: "nl", setStatus: "PENDING_CUSTOMER" };
const postalAddress = { street: "Matrixstraat 1", postalCode: "1234 AB", city: "Utrecht" };
const macro = () => db.macro.create({ data: { title: `Matrixmacro ${unique()}`, body: macroInput.body, setStatus: "PENDING_CUSTOMER" }, select: { id: true } });
const article = { kind: "ARTICLE", audience: "INTERNAL", locale: "nl", question: "Hoe werkt de matrix?", answer: "Elke actie tegen elke rol, eigen en vreemd.", tags: "matrix" };

/** A beneficiary as staff or the import create one: no password until the portal invitation. */
async function beneficiaryWithoutPassword() {
  const { NO_PASSWORD } = await import("@/lib/auth/password");
  return db.user.create({ data: { email: `klant-${unique()}@matrix.example`, name: "Matrix Klant", role: "BENEFICIARY", passwordHash: NO_PASSWORD, clientNumber: `M-${unique()}` }, select: { id: true } });
}

/** A chat as the chat commands leave it (plain insert): waiting, or held by an agent. */
async function chatSession(data: { requesterId: string; organisationId?: string | null; agentId?: string | null }) {
  const employer = Boolean(data.organisationId);
  return db.chatSession.create({
    data: {
      requesterId: data.requesterId,
      organisationId: data.organisationId ?? null,
      audience: employer ? "EMPLOYER" : "BENEFICIARY",
      categoryId: w.categories.get(employer ? "PROCEDURE" : "GENERAL_QUESTION")!,
      lineKey: employer ? "EMPLOYER" : "AVONDLIJN",
      status: data.agentId ? "ACTIVE" : "WAITING",
      agentId: data.agentId ?? null,
      acceptedAt: data.agentId ? NOW : null,
      queuedAt: NOW,
      lastSeq: 1,
      messages: { create: { seq: 1, author: "CUSTOMER", authorId: data.requesterId, body: "Hallo, ik heb een vraag.", createdAt: NOW } },
    },
    select: { id: true },
  });
}
/** A chat held by a colleague of nobody in the matrix: not the caller's. */
const othersChat = async () => chatSession({ requesterId: w.bram, agentId: (await person("CALLCENTER_AGENT")).id });

const SPECS: Record<string, Spec> = {
  // ── letters in ── staff register a letter from any person: there is no foreign sender.
  "letters.intake.register": {
    own: async () => ({
      senderMode: "existing",
      senderId: w.anna.id,
      categoryKey: "GENERAL_QUESTION",
      subject: "Brief over mijn uitkering",
      receivedOn: "2026-11-23",
      summary: "Vraag per brief over de betaaldatum.",
      ...postalAddress,
      files: [{ name: "scan.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%matrix\n") }],
    }),
  },
  // ── live chat ── customer side: own = the caller's chat; foreign = Bram's (portal) or Zorggroep
  // Noord's (employer). Console: own = a chat the caller holds (or a waiting one); foreign = a chat
  // another agent holds, or one that does not exist.
  "chat.start.portal": { own: async () => ({ categoryKey: "GENERAL_QUESTION", body: "Hallo, ik heb een vraag." }) },
  "chat.send.portal": {
    own: async ({ u }) => ({ chatId: (await chatSession({ requesterId: u.id })).id, body: "Nog iets.", clientId: unique() }),
    foreign: async () => ({ input: { chatId: (await chatSession({ requesterId: w.bram })).id, body: "Nog iets." }, refusal: "NOT_FOUND" }),
  },
  "chat.typing.portal": {
    own: async ({ u }) => ({ chatId: (await chatSession({ requesterId: u.id })).id }),
    foreign: async () => ({ input: { chatId: (await chatSession({ requesterId: w.bram })).id }, refusal: "NOT_FOUND" }),
  },
  "chat.leave.portal": {
    own: async ({ u }) => ({ chatId: (await chatSession({ requesterId: u.id })).id }),
    foreign: async () => ({ input: { chatId: (await chatSession({ requesterId: w.bram })).id }, refusal: "NOT_FOUND" }),
  },
  "chat.leave_message.portal": {
    own: async ({ u }) => ({ chatId: (await chatSession({ requesterId: u.id })).id }),
    foreign: async () => ({ input: { chatId: (await chatSession({ requesterId: w.bram })).id }, refusal: "NOT_FOUND" }),
  },
  "chat.start.employer": { own: async () => ({ categoryKey: "PROCEDURE", body: "Hallo, wij hebben een vraag." }) },
  "chat.send.employer": {
    own: async ({ u }) => ({ chatId: (await chatSession({ requesterId: u.id, organisationId: w.vandijk })).id, body: "Nog iets." }),
    foreign: async () => ({ input: { chatId: (await chatSession({ requesterId: w.lisa, organisationId: w.zorgnoord })).id, body: "Nog iets." }, refusal: "NOT_FOUND" }),
  },
  "chat.typing.employer": {
    own: async ({ u }) => ({ chatId: (await chatSession({ requesterId: u.id, organisationId: w.vandijk })).id }),
    foreign: async () => ({ input: { chatId: (await chatSession({ requesterId: w.lisa, organisationId: w.zorgnoord })).id }, refusal: "NOT_FOUND" }),
  },
  "chat.leave.employer": {
    own: async ({ u }) => ({ chatId: (await chatSession({ requesterId: u.id, organisationId: w.vandijk })).id }),
    foreign: async () => ({ input: { chatId: (await chatSession({ requesterId: w.lisa, organisationId: w.zorgnoord })).id }, refusal: "NOT_FOUND" }),
  },
  "chat.leave_message.employer": {
    own: async ({ u }) => ({ chatId: (await chatSession({ requesterId: u.id, organisationId: w.vandijk })).id }),
    foreign: async () => ({ input: { chatId: (await chatSession({ requesterId: w.lisa, organisationId: w.zorgnoord })).id }, refusal: "NOT_FOUND" }),
  },
  "chat.send.agent": {
    own: async ({ u }) => ({ chatId: (await chatSession({ requesterId: w.anna.id, agentId: u.id })).id, body: "Goedemiddag, ik help u graag." }),
    foreign: async () => ({ input: { chatId: (await othersChat()).id, body: "Goedemiddag." }, refusal: "NOT_FOUND" }),
  },
  "chat.typing.agent": {
    own: async ({ u }) => ({ chatId: (await chatSession({ requesterId: w.anna.id, agentId: u.id })).id }),
    foreign: async () => ({ input: { chatId: (await othersChat()).id }, refusal: "NOT_FOUND" }),
  },
  "chat.accept": {
    own: async () => ({ chatId: (await chatSession({ requesterId: w.bram })).id }),
    foreign: async () => ({ input: { chatId: "matrix-no-such-chat" }, refusal: "NOT_FOUND" }),
  },
  "chat.transfer": {
    own: async ({ u }) => ({ chatId: (await chatSession({ requesterId: w.anna.id, agentId: u.id })).id, toTeamId: w.teams.uitkeringen }),
    foreign: async () => ({ input: { chatId: (await othersChat()).id, toTeamId: w.teams.uitkeringen }, refusal: "NOT_FOUND" }),
  },
  "chat.end": {
    own: async ({ u }) => ({ chatId: (await chatSession({ requesterId: w.anna.id, agentId: u.id })).id, resolved: true }),
    foreign: async () => ({ input: { chatId: (await othersChat()).id, resolved: true }, refusal: "NOT_FOUND" }),
  },
  "chat.settings": { own: async () => ({ maxPerAgent: 3, offerMessageAfterSec: 120 }) },
  "chat.topics": { own: async () => ({ categoryKeys: ["GENERAL_QUESTION", "PORTAL_HELP", "PROCEDURE"] }) },
  // ── bulk import ── (no id of anyone's record: the upload makes a new job)
  "import.start": { own: async () => ({ kind: "BENEFICIARIES", dryRun: true, invite: false, fileName: "matrix.csv", content: "klantnummer;naam;e-mail\nK-9;Matrix;matrix@import.example\n" }) },
  // ── people (issue 14 item 1) ──
  // One's own address: there is no one else's record to name.
  "account.email.change": { own: async () => ({ email: `nieuw-${unique()}@matrix.example`, current: PASSWORD }) },
  // Own: a fresh beneficiary (without a password, as staff and the import make them); foreign: a
  // staff account, which is not the beneficiaries page's to manage, or an id that does not exist.
  "beneficiary.create": { own: async () => ({ name: "Matrix Klant", email: `klant-${unique()}@matrix.example`, clientNumber: `M-${unique()}` }) },
  "beneficiary.update": {
    own: async () => ({ userId: (await beneficiaryWithoutPassword()).id, name: "Matrix Klant", email: `klant-${unique()}@matrix.example`, clientNumber: `M-${unique()}` }),
    foreign: async () => ({ input: { userId: (await person("CASE_HANDLER")).id, name: "Matrix Klant", email: `klant-${unique()}@matrix.example`, clientNumber: `M-${unique()}` }, refusal: "USER_NOT_FOUND" }),
  },
  "beneficiary.invite": {
    own: async () => ({ userId: (await beneficiaryWithoutPassword()).id }),
    foreign: async () => ({ input: { userId: (await person("EMPLOYER_CONTACT", w.vandijk)).id }, refusal: "USER_NOT_FOUND" }),
  },
  "beneficiary.active": {
    own: async () => ({ userId: (await beneficiaryWithoutPassword()).id, active: false }),
    foreign: async () => ({ input: { userId: (await person("CASE_HANDLER")).id, active: false }, refusal: "USER_NOT_FOUND" }),
  },
  "beneficiary.merge": {
    own: async () => ({ survivorId: (await beneficiaryWithoutPassword()).id, duplicateId: (await beneficiaryWithoutPassword()).id }),
    foreign: async () => ({ input: { survivorId: (await beneficiaryWithoutPassword()).id, duplicateId: "matrix-no-such-user" }, refusal: "USER_NOT_FOUND" }),
  },
  // ── notifications ──
  // One's own notification; someone else's (Bram's) is not found.
  "notification.open": {
    own: async ({ u }) => ({ notificationId: (await notification(u.id)).id }),
    foreign: async () => ({ input: { notificationId: (await notification(w.bram)).id }, refusal: "NOT_FOUND" }),
  },
  "notification.read_all": {
    own: async ({ u }) => {
      await notification(u.id);
      return {};
    },
  },
  "notification.preferences": { own: async () => ({ choices: [{ kind: "sla.breached", choice: "APP" }, { kind: "sla.at_risk", choice: "BOTH" }] }) },
  // ── targets and texts (admin) ── foreign = a template key that does not exist (admins own every text).
  "settings.kpiTargets": { own: async () => ({ firstContactResolution: "80", writtenInTime: "90", callbacksAttemptedInSlot: "100", callbacksWithin2Hours: "", callbacksWithin24Hours: "", callbacksReached: "", callbacksUnreachable: "", callbacksWrongNumber: "", repeatCallbacks: "5", urgentInTime: "100", complaintsPerThousand: "", complaintsInTime: "100", satisfaction: "80" }) },
  "mailTemplates.save": {
    own: async () => ({ key: "callback.reminder", locale: "nl", subject: "{onderwerp}", body: "Wij bellen u vandaag tussen {tijd}." }),
    foreign: async () => ({ input: { key: "matrix.no-such-template", locale: "nl", subject: "Onderwerp", body: "Tekst" }, refusal: "NOT_FOUND" }),
  },
  "mailTemplates.reset": {
    own: async () => ({ key: "callback.reminder", locale: "nl" }),
    foreign: async () => ({ input: { key: "matrix.no-such-template", locale: "nl" }, refusal: "NOT_FOUND" }),
  },
  // ── organisations (admin) ── own = a fresh organisation; foreign = an id that does not exist (admins see all).
  "orgAdmin.create": { own: async () => ({ externalNumber: `MX-${unique()}`, name: "Matrix B.V.", kind: "EMPLOYER" }) },
  "orgAdmin.update": {
    own: async () => ({ organisationId: (await db.organisation.create({ data: { name: "Matrix B.V.", externalNumber: `MX-${unique()}` } })).id, externalNumber: `MX-${unique()}`, name: "Matrix Twee B.V.", kind: "PARTNER", isPartner: true }),
    foreign: async () => ({ input: { organisationId: "matrix-no-such-org", externalNumber: `MX-${unique()}`, name: "Matrix B.V.", kind: "EMPLOYER" }, refusal: "NOT_FOUND" }),
  },
  "orgAdmin.active": {
    own: async () => ({ organisationId: (await db.organisation.create({ data: { name: "Matrix B.V.", externalNumber: `MX-${unique()}` } })).id, active: false }),
    foreign: async () => ({ input: { organisationId: "matrix-no-such-org", active: false }, refusal: "NOT_FOUND" }),
  },
  "orgAdmin.invite_main_contact": {
    own: async () => ({ organisationId: (await db.organisation.create({ data: { name: "Matrix B.V.", externalNumber: `MX-${unique()}` } })).id, name: "Hoofd Contact", email: `hoofd-${unique()}@matrix.example` }),
    foreign: async () => ({ input: { organisationId: "matrix-no-such-org", name: "Hoofd Contact", email: `hoofd-${unique()}@matrix.example` }, refusal: "NOT_FOUND" }),
  },
  // A staff invitation is not an organisation's: refused like a missing one.
  "orgAdmin.invite_withdraw": {
    own: async ({ u }) => ({ invitationId: (await invitation(w.zorgnoord, u.id)).id }),
    foreign: async ({ u }) => ({ input: { invitationId: (await invitation(null, u.id)).id }, refusal: "INVITATION_NOT_FOUND" }),
  },
  "orgAdmin.invite_resend": {
    own: async ({ u }) => ({ invitationId: (await invitation(w.zorgnoord, u.id)).id }),
    foreign: async ({ u }) => ({ input: { invitationId: (await invitation(null, u.id)).id }, refusal: "INVITATION_NOT_FOUND" }),
  },
  // ── privacy (retention, legal holds, erasure) ──
  "privacy.retention": { own: async () => ({ tickets: { amount: 2, unit: "YEARS" }, calls: { amount: 1, unit: "YEARS" }, outbox: { amount: 3, unit: "MONTHS" }, inbound: { amount: 3, unit: "MONTHS" }, notifications: { amount: 6, unit: "MONTHS" }, audit: { amount: 5, unit: "YEARS" } }) },
  "privacy.hold.place": {
    own: async () => ({ kind: "TICKET", reference: (await ticket({ requesterId: w.bram })).number, reason: "Lopende bezwaarprocedure" }),
    foreign: async () => ({ input: { kind: "TICKET", reference: "LK-1999-000001", reason: "Lopende bezwaarprocedure" }, refusal: "NOT_FOUND" }),
  },
  "privacy.hold.release": {
    own: async () => {
      const t = await ticket({ requesterId: w.bram });
      const hold = await db.legalHold.create({ data: { ticketId: t.id, reason: "Lopende bezwaarprocedure", placedById: w.handler }, select: { id: true } });
      return { holdId: hold.id };
    },
    foreign: async () => ({ input: { holdId: "matrix-no-such-hold" }, refusal: "NOT_FOUND" }),
  },
  "privacy.erase": {
    own: async () => ({ userId: (await person("BENEFICIARY")).id, reason: "Verzoek tot verwijdering" }),
    foreign: async () => ({ input: { userId: "matrix-no-such-person", reason: "Verzoek tot verwijdering" }, refusal: "USER_NOT_FOUND" }),
  },
  // ── API tokens ── (own: a fresh token; foreign: none of that id, or one revoked already)
  "apiToken.create": { own: async () => ({ name: "Matrix-koppeling", scopes: ["tickets:read"], actorId: w.handler, organisationId: "", expiresAt: "" }) },
  "apiToken.revoke": {
    own: async () => {
      const token = await db.apiToken.create({ data: { name: "Matrix", prefix: "lk_matrix", tokenHash: randomUUID(), scopes: ["tickets:read"], actorId: w.handler, createdById: w.handler }, select: { id: true } });
      return { tokenId: token.id };
    },
    foreign: async () => ({ input: { tokenId: "matrix-no-such-token" }, refusal: "NOT_FOUND" }),
  },
  // ── webhooks ── (own: a fresh endpoint or FAILED delivery; foreign: none of that id)
  "webhook.create": { own: async () => ({ url: "https://hooks.example/loket", description: "Matrix", eventTypes: ["ticket.created"] }) },
  "webhook.rotateSecret": { own: async () => ({ endpointId: await webhookEndpoint() }), foreign: async () => ({ input: { endpointId: "matrix-no-such-endpoint" }, refusal: "NOT_FOUND" }) },
  "webhook.setPaused": { own: async () => ({ endpointId: await webhookEndpoint(), paused: true }), foreign: async () => ({ input: { endpointId: "matrix-no-such-endpoint", paused: true }, refusal: "NOT_FOUND" }) },
  "webhook.delete": { own: async () => ({ endpointId: await webhookEndpoint() }), foreign: async () => ({ input: { endpointId: "matrix-no-such-endpoint" }, refusal: "NOT_FOUND" }) },
  "webhook.resend": {
    own: async () => {
      const delivery = await db.webhookDelivery.create({ data: { endpointId: await webhookEndpoint(), eventId: `msg_${randomUUID()}`, eventType: "ticket.created", payload: {}, status: "FAILED" }, select: { id: true } });
      return { deliveryId: delivery.id };
    },
    foreign: async () => ({ input: { deliveryId: "matrix-no-such-delivery" }, refusal: "NOT_FOUND" }),
  },
  // ── employer service (issue 14 item 7) ──
  // Own: a resolved Van Dijk question the caller asked (the right that grants the survey also
  // grants reading those); foreign: Zorggroep Noord's.
  "survey.answer_employer": {
    own: async ({ u }) => ({ ticketNumber: (await ticket({ requesterId: u.id, organisationId: w.vandijk, teamId: w.teams.werkgevers, status: "RESOLVED" })).number, score: 4 }),
    foreign: async () => ({ input: { ticketNumber: (await ticket({ requesterId: w.lisa, organisationId: w.zorgnoord, teamId: w.teams.werkgevers, status: "RESOLVED" })).number, score: 4 }, refusal: "NOT_FOUND" }),
  },
  // Everyone signed in, on their own account: there is no one else's record to name.
  "account.password.change": { own: async () => ({ current: PASSWORD, password: PASSWORD, confirm: PASSWORD }) },
  "auth.totp_begin": { own: async () => ({}) },
  "auth.totp_confirm": { own: async () => ({ code: "000000", password: PASSWORD }) },
  "auth.logout_everywhere": { own: async () => ({}) },

  // Beneficiary portal: own = the caller's; foreign = Bram's.
  "portal.message.send": { own: async () => ({ ...question, categoryKey: "GENERAL_QUESTION" }) },
  "portal.message.reply": {
    own: async ({ u }) => ({ ticketId: (await ticket({ requesterId: u.id })).id, body: "Nog een vraag." }),
    foreign: async () => ({ input: { ticketId: (await ticket({ requesterId: w.bram })).id, body: "Nog een vraag." }, refusal: "NOT_FOUND" }),
  },
  "portal.callback.book": {
    own: async ({ u }) => ({ ticketId: (await ticket({ requesterId: u.id })).id, date: NEXT_DAY, slot: "AFTERNOON", phone: "0612345678" }),
    foreign: async () => ({ input: { ticketId: (await ticket({ requesterId: w.bram })).id, date: NEXT_DAY, slot: "AFTERNOON", phone: "0612345678" }, refusal: "NOT_FOUND" }),
  },
  "portal.callback.move": {
    own: async ({ u }) => ({ appointmentId: (await appointment(u.id, w.teams.uitkeringen)).id, date: NEXT_DAY, slot: "AFTERNOON" }),
    foreign: async () => ({ input: { appointmentId: (await appointment(w.bram, w.teams.uitkeringen)).id, date: NEXT_DAY, slot: "AFTERNOON" }, refusal: "NOT_FOUND" }),
  },
  "portal.callback.cancel": {
    own: async ({ u }) => ({ appointmentId: (await appointment(u.id, w.teams.uitkeringen)).id }),
    foreign: async () => ({ input: { appointmentId: (await appointment(w.bram, w.teams.uitkeringen)).id }, refusal: "NOT_FOUND" }),
  },
  "complaint.file.beneficiary": {
    own: async ({ u }) => ({ subjectTicketNumber: (await ticket({ requesterId: u.id })).number, lastContactDate: "2026-11-24", description: "Ik ben niet teruggebeld." }),
    foreign: async () => ({ input: { subjectTicketNumber: (await ticket({ requesterId: w.bram })).number, lastContactDate: "2026-11-24", description: "Ik ben niet teruggebeld." }, refusal: "COMPLAINT_TICKET_NOT_FOUND" }),
  },
  "complaint.ombudsman.beneficiary": {
    own: async ({ u }) => ({ complaintId: (await complaint({ complainantId: u.id, answered: true })).id, reason: "Het antwoord helpt mij niet." }),
    foreign: async () => ({ input: { complaintId: (await complaint({ complainantId: w.bram, answered: true })).id, reason: "Het antwoord helpt mij niet." }, refusal: "COMPLAINT_NOT_FOUND" }),
  },
  "survey.answer": {
    own: async ({ u }) => ({ ticketId: (await ticket({ requesterId: u.id, status: "RESOLVED" })).id, score: 4 }),
    foreign: async () => ({ input: { ticketId: (await ticket({ requesterId: w.bram, status: "RESOLVED" })).id, score: 4 }, refusal: "NOT_FOUND" }),
  },

  // Employer portal: own = Van Dijk's (Eva's organisation); foreign = Zorggroep Noord's.
  "employer.question": { own: async () => ({ ...question, categoryKey: "GENERAL_QUESTION" }) },
  "employer.reply": {
    own: async () => ({ ticketNumber: (await ticket({ requesterId: w.tom, organisationId: w.vandijk, teamId: w.teams.werkgevers })).number, body: "Aanvulling op onze vraag." }),
    foreign: async () => ({ input: { ticketNumber: (await ticket({ requesterId: w.lisa, organisationId: w.zorgnoord, teamId: w.teams.werkgevers })).number, body: "Aanvulling op onze vraag." }, refusal: "NOT_FOUND" }),
  },
  "urgent.request": { own: async () => ({ subject: "Loonbeslag", reason: "De salarisrun sluit vandaag", forWhom: "Personeelsnummer 2231" }) },
  "escalation.raise": {
    own: async () => ({ ticketNumber: (await ticket({ requesterId: w.tom, organisationId: w.vandijk, teamId: w.teams.werkgevers })).number, reason: "Wij wachten al weken op antwoord." }),
    foreign: async () => ({ input: { ticketNumber: (await ticket({ requesterId: w.lisa, organisationId: w.zorgnoord, teamId: w.teams.werkgevers })).number, reason: "Wij wachten al weken op antwoord." }, refusal: "ESCALATION_NOT_FOUND" }),
  },
  "escalation.tier2": {
    own: async () => ({ escalationId: (await escalation(w.vandijk, w.tom, 1)).id, reason: "Niveau 1 loste het niet op." }),
    foreign: async () => ({ input: { escalationId: (await escalation(w.zorgnoord, w.lisa, 1)).id, reason: "Niveau 1 loste het niet op." }, refusal: "ESCALATION_NOT_FOUND" }),
  },
  "complaint.file.employer": {
    own: async ({ u }) => {
      const kind = employerTicketKind(u);
      const input = { subjectTicketNumber: (await ticket({ requesterId: w.tom, organisationId: w.vandijk, category: kind.category })).number, lastContactDate: "2026-11-24", description: "Wij zijn niet teruggebeld." };
      return kind.reachable ? input : new OutOfReach(input, "COMPLAINT_TICKET_NOT_FOUND");
    },
    foreign: async () => ({ input: { subjectTicketNumber: (await ticket({ requesterId: w.lisa, organisationId: w.zorgnoord })).number, lastContactDate: "2026-11-24", description: "Wij zijn niet teruggebeld." }, refusal: "COMPLAINT_TICKET_NOT_FOUND" }),
  },
  "complaint.ombudsman.employer": {
    own: async ({ u }) => {
      const kind = employerTicketKind(u);
      const input = { complaintId: (await complaint({ complainantId: w.tom, organisationId: w.vandijk, answered: true, subjectCategory: kind.category })).id, reason: "Het antwoord helpt ons niet." };
      return kind.reachable ? input : new OutOfReach(input, "COMPLAINT_NOT_FOUND");
    },
    foreign: async () => ({ input: { complaintId: (await complaint({ complainantId: w.lisa, organisationId: w.zorgnoord, answered: true })).id, reason: "Het antwoord helpt ons niet." }, refusal: "COMPLAINT_NOT_FOUND" }),
  },
  "employer.hrDesk": { own: async () => ({ subject: "Gesprek over verzuim", body: "Graag een gesprek over een langdurig zieke medewerker.", phone: "0201234567", slot: `${NEXT_DAY}:AFTERNOON` }) },
  "organisation.invite": { own: async () => ({ email: `collega-${unique()}@vandijk.example`, name: "Nieuwe Collega", rights: ["SUBMIT_REQUESTS"] }) },
  "organisation.invite_withdraw": {
    own: async () => ({ invitationId: (await invitation(w.vandijk, w.eva.id)).id }),
    foreign: async () => ({ input: { invitationId: (await invitation(w.zorgnoord, w.lisa)).id }, refusal: "INVITATION_NOT_FOUND" }),
  },
  "organisation.invite_resend": {
    own: async () => ({ invitationId: (await invitation(w.vandijk, w.eva.id)).id }),
    foreign: async () => ({ input: { invitationId: (await invitation(w.zorgnoord, w.lisa)).id }, refusal: "INVITATION_NOT_FOUND" }),
  },
  "organisation.rights": {
    own: async () => ({ userId: (await person("EMPLOYER_CONTACT", w.vandijk)).id, rights: ["SUBMIT_REQUESTS", "MANAGE_EMPLOYEES"], hrProfessional: false }),
    foreign: async () => ({ input: { userId: (await person("EMPLOYER_CONTACT", w.zorgnoord)).id, rights: ["MANAGE_USERS"], hrProfessional: true }, refusal: "USER_NOT_FOUND" }),
  },
  "organisation.deactivate": {
    own: async () => ({ userId: (await person("EMPLOYER_CONTACT", w.vandijk)).id }),
    foreign: async () => ({ input: { userId: (await person("EMPLOYER_CONTACT", w.zorgnoord)).id }, refusal: "USER_NOT_FOUND" }),
  },
  "organisation.two_factor": { own: async () => ({ required: false }) },

  // Agent workspace: own = a ticket in the caller's teams; foreign = another team's.
  "queue.takeNext": { own: async () => ({}) },
  "queue.take": {
    own: async ({ u }) => ({ ticketId: (await scopedTicket(u)).id }),
    foreign: async ({ u }) => {
      const t = await foreignTicket(u, "TICKET_OTHER_TEAM", "NOT_FOUND");
      return { input: { ticketId: t.id }, refusal: t.refusal };
    },
  },
  "ticket.reply": {
    own: async ({ u }) => ({ ticketId: (await scopedTicket(u)).id, body: "Uw betaling staat gepland." }),
    foreign: async ({ u }) => {
      const t = await foreignTicket(u, "NOT_FOUND", "NOT_FOUND");
      return { input: { ticketId: t.id, body: "Uw betaling staat gepland." }, refusal: t.refusal };
    },
  },
  "ticket.note": {
    own: async ({ u }) => ({ ticketId: (await scopedTicket(u)).id, body: "Intern: nagebeld." }),
    foreign: async ({ u }) => {
      const t = await foreignTicket(u, "NOT_FOUND", "NOT_FOUND");
      return { input: { ticketId: t.id, body: "Intern: nagebeld." }, refusal: t.refusal };
    },
  },
  // Own: a question for Bram; foreign: a "requester" who is staff, not a customer.
  "ticket.create": {
    own: async () => ({ ...question, categoryKey: "GENERAL_QUESTION", requesterId: w.bram }),
    foreign: async () => ({ input: { ...question, categoryKey: "GENERAL_QUESTION", requesterId: w.handler }, refusal: "REQUESTER_NOT_FOUND" }),
  },
  // Staff book and cancel a callback on a ticket in their scope (the API's; issue 16 item 1).
  "callback.book": {
    own: async ({ u }) => ({ ticketId: (await scopedTicket(u)).id, date: NEXT_DAY, slot: "AFTERNOON", phone: "0612345678" }),
    foreign: async ({ u }) => {
      const t = await foreignTicket(u, "NOT_FOUND", "NOT_FOUND");
      return { input: { ticketId: t.id, date: NEXT_DAY, slot: "AFTERNOON", phone: "0612345678" }, refusal: t.refusal };
    },
  },
  "callback.cancel": {
    own: async ({ u }) => {
      const t = await scopedTicket(u);
      const booked = await db.callbackAppointment.create({
        data: { ticketId: t.id, personId: w.anna.id, teamId: w.teams.uitkeringen, date: NEXT_DAY, slot: "MORNING", slotStart: slotWindow(NEXT_DAY, "MORNING").startsAt, phone: "0612345678", bookedById: w.handler },
        select: { id: true },
      });
      return { appointmentId: booked.id };
    },
    foreign: async ({ u }) => {
      if (seesAllTeams(u.role)) return { input: { appointmentId: "matrix-no-such-appointment" }, refusal: "NOT_FOUND" };
      return { input: { appointmentId: (await appointment(w.bram, w.teams.elders)).id }, refusal: "NOT_FOUND" };
    },
  },
  "ticket.change": {
    own: async ({ u }) => ({ ticketId: (await scopedTicket(u)).id, priority: "HIGH" }),
    foreign: async ({ u }) => {
      const t = await foreignTicket(u, "NOT_FOUND", "NOT_FOUND");
      return { input: { ticketId: t.id, priority: "HIGH" }, refusal: t.refusal };
    },
  },
  "phone.call": {
    own: async ({ u }) => ({ subject: "Algemene vraag", categoryKey: "GENERAL_QUESTION", teamId: staffTeam(u), summary: "Vraag over openingstijden beantwoord.", outcome: "RESOLVED" }),
    foreign: async ({ u }) => {
      const t = await foreignTicket(u, "NOT_FOUND", "NOT_FOUND");
      return { input: { callerId: w.bram, ticketId: t.id, categoryKey: "GENERAL_QUESTION", teamId: staffTeam(u), summary: "Belde over zijn vraag.", outcome: "OPEN" }, refusal: t.refusal };
    },
  },
  "urgent.verification": {
    own: async ({ u }) => ({ ticketId: await urgentTicket(u, false), outcome: "CONFIRMED", note: "Werkgever bevestigt" }),
    foreign: async ({ u }) => {
      if (seesAllTeams(u.role)) return { input: { ticketId: "matrix-no-such-ticket", outcome: "CONFIRMED" }, refusal: "NOT_FOUND" };
      return { input: { ticketId: await urgentTicket(u, true), outcome: "CONFIRMED" }, refusal: "NOT_FOUND" };
    },
  },
  "urgent.preAnnouncement.relink": {
    own: async ({ u }) => ({ preAnnouncementId: (await openAnnouncement()).id, ticketId: await urgentTicket(u, false) }),
    foreign: async ({ u }) => {
      if (seesAllTeams(u.role)) return { input: { preAnnouncementId: (await openAnnouncement()).id, ticketId: "matrix-no-such-ticket" }, refusal: "NOT_FOUND" };
      return { input: { preAnnouncementId: (await openAnnouncement()).id, ticketId: await urgentTicket(u, true) }, refusal: "NOT_FOUND" };
    },
  },
  "phone.preAnnouncement": { own: async () => ({ organisationId: w.vandijk, callerName: "Eva Bakker", subject: "Loonbeslag", reason: "Salarisrun sluit", forWhom: "Personeelsnummer 2231", handedOverToId: w.handler }) },
  "callback.attempt": {
    own: async ({ u }) => ({ appointmentId: (await appointment(w.anna.id, staffTeam(u))).id, outcome: "NO_ANSWER", note: "Geen gehoor" }),
    foreign: async ({ u }) => {
      if (seesAllTeams(u.role)) return { input: { appointmentId: "matrix-no-such-appointment", outcome: "NO_ANSWER" }, refusal: "NOT_FOUND" };
      return { input: { appointmentId: (await appointment(w.bram, w.teams.elders)).id, outcome: "NO_ANSWER" }, refusal: "NOT_FOUND" };
    },
  },
  "complaint.signal": {
    own: async ({ u }) => ({ ticketId: (await scopedTicket(u)).id, description: "Klaagt over de wachttijd." }),
    foreign: async ({ u }) => {
      const t = await foreignTicket(u, "TICKET_NOT_FOUND", "TICKET_NOT_FOUND");
      return { input: { ticketId: t.id, description: "Klaagt over de wachttijd." }, refusal: t.refusal };
    },
  },
  "kb.create": { own: async () => article },
  "kb.update": { own: async () => ({ ...article, id: w.kbArticle }) },
  "kb.publish": { own: async () => ({ id: w.kbArticle, published: true }) },
  "macro.create": { own: async () => macroInput },
  "macro.update": { own: async () => ({ ...macroInput, id: (await macro()).id }) },
  "macro.render": {
    own: async ({ u }) => ({ ticketId: (await scopedTicket(u)).id, macroId: (await macro()).id }),
    foreign: async ({ u }) => {
      const t = await foreignTicket(u, "NOT_FOUND", "NOT_FOUND");
      return { input: { ticketId: t.id, macroId: (await macro()).id }, refusal: t.refusal };
    },
  },
  "postal.update": {
    own: async ({ u }) => ({ ticketId: (await scopedTicket(u)).id, ...postalAddress }),
    foreign: async ({ u }) => {
      const t = await foreignTicket(u, "NOT_FOUND", "NOT_FOUND");
      return { input: { ticketId: t.id, ...postalAddress }, refusal: t.refusal };
    },
  },

  // Lead desk: own = the tier or stage the caller handles; foreign = the one they do not.
  ...Object.fromEntries(
    ["escalation.take", "escalation.answer", "escalation.resolve", "escalation.moveUp"].map((name) => {
      const extra = { body: "Wij pakken dit vandaag op.", outcome: "Opgelost met de werkgever.", reason: "Besluit van de manager nodig." };
      const spec: Spec = {
        own: async () => ({ escalationId: (await escalation(w.vandijk, w.eva.id, 1)).id, ...extra }),
        foreign: async ({ u }) =>
          can(u, "escalations.tier2.handle")
            ? { input: { escalationId: "matrix-no-such-escalation", ...extra }, refusal: "ESCALATION_NOT_FOUND" }
            : { input: { escalationId: (await escalation(w.vandijk, w.eva.id, 2)).id, ...extra }, refusal: "NOT_YOUR_TIER" },
      };
      return [name, spec];
    }),
  ),
  "complaint.ombudsman.staff": {
    own: async () => ({ complaintId: (await complaint({ complainantId: w.anna.id, stage: "STAGE_1" })).id, reason: "De lijn komt er intern niet uit." }),
    foreign: async () => ({ input: { complaintId: (await complaint({ complainantId: w.bram, stage: "STAGE_2" })).id, reason: "De lijn komt er intern niet uit." }, refusal: "NOT_YOUR_STAGE" }),
  },
  ...Object.fromEntries(
    ["complaint.answer", "complaint.ask", "complaint.note", "complaint.refer"].map((name) => {
      const stageOf = (u: SessionUser, mine: boolean): ComplaintStage => (can(u, "complaints.stage1.handle") === mine ? "STAGE_1" : "STAGE_2");
      const spec: Spec = {
        own: async ({ u }) => ({ complaintId: (await complaint({ complainantId: w.anna.id, stage: stageOf(u, true) })).id, body: "Wij bieden excuses aan voor het uitblijven." }),
        foreign: async ({ u }) => ({
          input: { complaintId: (await complaint({ complainantId: w.bram, stage: stageOf(u, false) })).id, body: "Wij bieden excuses aan voor het uitblijven." },
          refusal: "NOT_YOUR_STAGE",
        }),
      };
      return [name, spec];
    }),
  ),

  // Administration: settings have no owner; staff records are staff, not employer contacts.
  "settings.holidays": { own: async () => ({ goodFriday: "NEVER", liberationDay: "EVERY_FIFTH_YEAR" }) },
  "settings.closureDay.add": { own: async () => ({ date: "2026-12-31", reasonNl: "Oudjaarsdag", reasonEn: "New Year's Eve" }) },
  "settings.closureDay.remove": {
    own: async () => {
      await db.closureDay.upsert({ where: { date: "2026-12-30" }, create: { date: "2026-12-30", reasonNl: "Sluiting", reasonEn: "Closure" }, update: {} });
      return { date: "2026-12-30" };
    },
  },
  "settings.openingHours": { own: async () => ({ line: "EMPLOYER", days: week("09:00", "16:00") }) },
  "lines.create": { own: async () => ({ ...lineFields, days: week("09:00", "12:00") }) },
  "lines.update": { own: async () => ({ key: (await contactLine()).key, ...lineFields }) },
  "lines.remove": { own: async () => ({ key: (await contactLine()).key }) },
  "lines.closureDay.add": { own: async () => ({ lineKey: (await contactLine()).key, date: "2026-12-28", reasonNl: "Training", reasonEn: "Training" }) },
  "lines.closureDay.remove": {
    own: async () => {
      const { key } = await contactLine();
      await db.lineClosureDay.create({ data: { lineKey: key, date: "2026-12-28", reasonNl: "Training", reasonEn: "Training" } });
      return { lineKey: key, date: "2026-12-28" };
    },
  },
  "settings.urgentWords": { own: async () => ({ words: "spoed\nurgent\ndringend" }) },
  "settings.preAnnouncementExpiry": { own: async () => ({ lineKey: "EMPLOYER", openDays: 2 }) },
  // Without a staff IdP in the test environment, switching the password off is refused (SSO_NOT_CONFIGURED); this leaves it on.
  "integrations.sso.settings": { own: async () => ({ idpMfaCounts: true, staffPasswordOff: false }) },
  // Only changes a cookie; a staff caller gets SSO_WRONG_ACCOUNT, anyone SSO_NOT_CONFIGURED without a broker.
  "account.sso.startLink": { own: async () => ({}) },
  "settings.slaPolicy": { own: async () => ({ key: "WRITTEN_QUESTION", amount: 5, atRiskShare: 0.2, targetShare: 0.9 }) },
  "settings.slotCapacity": { own: async () => ({ teamId: w.teams.uitkeringen, morning: 6, afternoon: 10 }) },
  "settings.callbackAttempts": { own: async () => ({ earlyMinutes: 15, minIntervalMinutes: 10 }) },
  "settings.complaintBody.save": {
    own: async () => ({ nameNl: "Geschillencommissie", nameEn: "Disputes Committee", textNl: "De Geschillencommissie, Postbus 1, 1000 AA Amsterdam.", textEn: "The Disputes Committee, Postbus 1, 1000 AA Amsterdam.", isDefault: false, active: true }),
  },
  "settings.complaintBody.category": {
    own: async () => ({ categoryId: w.categories.get("GENERAL_QUESTION")!, complaintBodyId: (await db.complaintBody.findFirstOrThrow({ where: { isDefault: false, active: true } })).id }),
  },
  "settings.passwordPolicy": { own: async () => ({ minLength: 12, maxLength: 128, requireClasses: 0, forbiddenCharacters: "" }) },
  "settings.brand": { own: async () => ({ name: "Pensioenfonds Matrix", primaryColor: "#1d4ed8", secondaryColor: "" }) },
  "settings.brand.reset": { own: async () => ({}) },
  "staff.invite": { own: async () => ({ email: `medewerker-${unique()}@loket.example`, name: "Nieuwe Medewerker", role: "CALLCENTER_AGENT", teamIds: [] }) },
  "staff.invite_withdraw": {
    own: async ({ u }) => ({ invitationId: (await invitation(null, u.id)).id }),
    foreign: async () => ({ input: { invitationId: (await invitation(w.vandijk, w.eva.id)).id }, refusal: "INVITATION_NOT_FOUND" }),
  },
  "staff.invite_resend": {
    own: async ({ u }) => ({ invitationId: (await invitation(null, u.id)).id }),
    foreign: async () => ({ input: { invitationId: (await invitation(w.vandijk, w.eva.id)).id }, refusal: "INVITATION_NOT_FOUND" }),
  },
  "staff.change": {
    own: async () => ({ userId: (await person("CALLCENTER_AGENT")).id, role: "CASE_HANDLER", teamIds: [w.teams.uitkeringen] }),
    foreign: async () => ({ input: { userId: (await person("EMPLOYER_CONTACT", w.vandijk)).id, role: "ADMIN", teamIds: [] }, refusal: "USER_NOT_FOUND" }),
  },
  "staff.active": {
    own: async () => ({ userId: (await person("CALLCENTER_AGENT")).id, active: false }),
    foreign: async () => ({ input: { userId: (await person("EMPLOYER_CONTACT", w.vandijk)).id, active: false }, refusal: "USER_NOT_FOUND" }),
  },
  "staff.two_factor_reset": {
    own: async () => ({ userId: (await person("CALLCENTER_AGENT")).id }),
    foreign: async () => ({ input: { userId: (await person("EMPLOYER_CONTACT", w.vandijk)).id }, refusal: "USER_NOT_FOUND" }),
  },
  "team.create": { own: async () => ({ key: `team-${unique()}`, name: "Team Matrix" }) },
  "team.rename": { own: async () => ({ teamId: w.teams.elders, name: "Team Elders" }) },
  "mail.retry": {
    own: async () => {
      const mail = await db.outboxMessage.create({ data: { kind: "ticket.reply", toAddress: "anna.jansen@burger.example", subject: "Antwoord", bodyText: "Tekst", mailMessageId: `<${unique()}@matrix.example>`, status: "FAILED", lastError: "550" }, select: { id: true } });
      return { id: mail.id };
    },
  },
  "mail.sender_confirmed": {
    // A ticket in the caller's scope that a mail with an unverified sender opened.
    own: async ({ u }) => {
      const t = await scopedTicket(u);
      await db.ticket.update({ where: { id: t.id }, data: { senderUnverified: true, requesterId: null } });
      await db.inboundMail.create({
        data: { mailMessageId: `<${unique()}@matrix.example>`, fromAddress: "onbekend@elders.example", subject: "Matrixvraag", rawPath: "/dev/null", size: 1, status: "PROCESSED", ticketId: t.id, authVerdict: "FAIL" },
      });
      return { ticketId: t.id };
    },
    foreign: async ({ u }) => {
      const t = await foreignTicket(u, "NOT_FOUND", "NOT_FOUND");
      return { input: { ticketId: t.id }, refusal: t.refusal };
    },
  },
};

// ───────────────────────────── running the cells ─────────────────────────────

/** Every row the actions can touch, hashed: a refused call must leave it as it was. */
const WATCHED = [
  "User", "Membership", "Invitation", "Team", "TeamMember", "Ticket", "Message", "TicketEvent", "CallRecord", "CallbackAppointment",
  "CallbackAttempt", "ContactNote", "PreAnnouncement", "UrgentRequest", "Escalation", "Complaint", "ComplaintNote", "KbArticle",
  "SatisfactionResponse", "Macro", "SlaPolicy", "OpeningHours", "ClosureDay", "ContactLine", "LineClosureDay", "Setting", "SlotCapacity", "OutboxMessage", "AuditEvent",
  "ComplaintBody", "TicketCategory", "Organisation", "Notification", "NotificationPreference", "EmailChange", "LegalHold", "ImportJob",
  "MailTemplate", "ApiToken", "WebhookEndpoint", "WebhookDelivery",
];
/**
 * "Nothing changed" is read from a counter that a row trigger on every watched table bumps, in the
 * writer's own transaction: a refused action that wrote a row (and did not roll it back) moves it.
 * Hashing every row of these tables before and after each refused cell said the same thing, but
 * cost more the more rows the cells had made: 119 s of the matrix's 2 minutes on PostgreSQL.
 */
async function watchChanges(): Promise<void> {
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS matrix_changes (n bigint NOT NULL)`);
  await db.$executeRawUnsafe(`INSERT INTO matrix_changes (n) SELECT 0 WHERE NOT EXISTS (SELECT FROM matrix_changes)`);
  await db.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION matrix_count_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE matrix_changes SET n = n + 1; RETURN NULL; END $$`,
  );
  for (const table of WATCHED) {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS matrix_count_change ON "${table}"`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER matrix_count_change AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION matrix_count_change()`,
    );
  }
}
async function unwatchChanges(): Promise<void> {
  for (const table of WATCHED) await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS matrix_count_change ON "${table}"`);
  await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS matrix_count_change()`);
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS matrix_changes`);
}
async function fingerprint(): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT n FROM matrix_changes`);
  return String(rows[0]!.n);
}

const AUTHORIZATION_REFUSALS = new Set(["UNAUTHENTICATED", "FORBIDDEN", "INVALID_INPUT", "UNEXPECTED"]);
/** The scope refusals of the table above: an own record must never get one of these. */
const NOT_FOUND_CODES = new Set([
  "NOT_FOUND", "COMPLAINT_TICKET_NOT_FOUND", "COMPLAINT_NOT_FOUND", "ESCALATION_NOT_FOUND", "INVITATION_NOT_FOUND",
  "USER_NOT_FOUND", "TICKET_NOT_FOUND", "TICKET_OTHER_TEAM", "NOT_YOUR_STAGE", "NOT_YOUR_TIER",
]);

let ran = 0;
const ranPerAction = new Map<string, number>();

function holderOf(permission: Permission): SessionUser {
  const holder = w.principals.find((p) => p.user && can(p.user, permission))?.user;
  if (!holder) throw new Error(`no caller holds ${permission}`);
  return holder;
}

function cellCount(action: RegisteredAction): number {
  return PRINCIPAL_COUNT * (SPECS[action.name]?.foreign ? 2 : 1);
}

async function runAction(action: RegisteredAction): Promise<string[]> {
  const spec = SPECS[action.name];
  if (!spec) return [`${action.name}: no input factory in SPECS (add one for the new action)`];
  const problems: string[] = [];
  const scopes = spec.foreign ? (["own", "foreign"] as const) : (["own"] as const);
  for (const principal of w.principals) {
    const permitted = principal.user !== null && can(principal.user, action.permission);
    const u = permitted ? principal.user! : holderOf(action.permission);
    for (const scope of scopes) {
      const cell = `${action.name} x ${principal.key} x ${scope}`;
      const made = scope === "foreign" ? await spec.foreign!({ u }) : await spec.own({ u });
      // A foreign record, or an own one out of the caller's reach, carries the refusal it should get.
      const refused = scope === "foreign" ? (made as Foreign) : made instanceof OutOfReach ? made : null;
      const input = refused ? refused.input : made;
      const expected = !principal.user ? "UNAUTHENTICATED" : !permitted ? "FORBIDDEN" : (refused?.refusal ?? null);
      const before = expected ? await fingerprint() : null;
      const result = await action.execute(principal.user, input, NOW);
      ran += 1;
      ranPerAction.set(action.name, (ranPerAction.get(action.name) ?? 0) + 1);
      const reason = result.ok ? "OK" : result.reason;
      if (expected) {
        if (reason !== expected) problems.push(`${cell}: expected ${expected}, got ${reason}`);
        else if ((await fingerprint()) !== before) problems.push(`${cell}: refused with ${reason} but the database changed`);
      } else if (AUTHORIZATION_REFUSALS.has(reason) || NOT_FOUND_CODES.has(reason)) {
        problems.push(`${cell}: an own record was refused with ${reason}`);
      }
    }
  }
  return problems;
}

beforeAll(async () => {
  await seedDemo(NOW);
  const [anna, eva, bram, tom, lisa, handler, vandijk, zorgnoord, uitkeringen, werkgevers, categories, kb] = await Promise.all([
    sessionFor("anna.jansen@burger.example"),
    sessionFor("eva.bakker@vandijk.example"),
    db.user.findUniqueOrThrow({ where: { email: "bram.devries@burger.example" } }),
    db.user.findUniqueOrThrow({ where: { email: "tom.visser@vandijk.example" } }),
    db.user.findUniqueOrThrow({ where: { email: "lisa.smit@zorggroepnoord.example" } }),
    db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } }),
    db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } }),
    db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40877" } }),
    db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } }),
    db.team.findUniqueOrThrow({ where: { key: "werkgevers" } }),
    db.ticketCategory.findMany({ select: { id: true, key: true } }),
    db.kbArticle.findFirstOrThrow({ orderBy: { createdAt: "asc" } }),
  ]);
  // A team no demo staff member belongs to: its tickets are outside every team-scoped caller.
  const elders = await db.team.create({ data: { key: "matrix-elders", name: "Team Elders" } });
  await db.slotCapacity.createMany({ data: [{ teamId: elders.id, slot: "MORNING", capacity: 6 }, { teamId: elders.id, slot: "AFTERNOON", capacity: 6 }] });
  const staff = await Promise.all(STAFF.map(async (s) => ({ key: s.role, user: await sessionFor(s.email) })));
  w = {
    principals: [
      { key: "BENEFICIARY", user: anna },
      ...EMPLOYER_VARIANTS.map((v) => ({ key: v.key, user: { ...eva, rights: v.rights, hrProfessional: v.hrProfessional } })),
      ...staff,
      { key: "NO_SESSION", user: null },
    ],
    anna,
    eva,
    bram: bram.id,
    tom: tom.id,
    lisa: lisa.id,
    handler: handler.id,
    vandijk: vandijk.id,
    zorgnoord: zorgnoord.id,
    teams: { uitkeringen: uitkeringen.id, werkgevers: werkgevers.id, elders: elders.id },
    categories: new Map(categories.map((c) => [c.key, c.id])),
    kbArticle: kb.id,
  };
  // The caller list is what the matrix promises to cover.
  expect(w.principals.map((p) => p.key)).toHaveLength(PRINCIPAL_COUNT);
  await watchChanges();
}, 180_000);

// The worker's later files share this database: leave no trigger behind.
afterAll(unwatchChanges);

describe("authorization matrix", () => {
  it("has an input factory for every registered action, and none for actions that do not exist", () => {
    const names = ACTIONS.map((a) => a.name);
    expect(names.filter((n) => !SPECS[n])).toEqual([]);
    expect(Object.keys(SPECS).filter((n) => !names.includes(n))).toEqual([]);
  });

  it("notices a row written to a watched table, even when it is removed again", async () => {
    const before = await fingerprint();
    await db.setting.create({ data: { key: `matrix-probe-${unique()}`, value: 1 } });
    await db.setting.deleteMany({ where: { key: { startsWith: "matrix-probe-" } } });
    expect(await fingerprint()).not.toBe(before);
  });

  for (const action of ACTIONS) {
    it(`${action.name} (${action.permission})`, async () => {
      expect(await runAction(action)).toEqual([]);
      expect(ranPerAction.get(action.name)).toBe(cellCount(action));
    }, 120_000);
  }

  it("ran every cell", () => {
    const expected = ACTIONS.reduce((sum, action) => sum + cellCount(action), 0);
    expect(PRINCIPAL_COUNT).toBe(14);
    expect(expected).toBeGreaterThanOrEqual(MIN_CELLS);
    expect(ran).toBe(expected);
    // The figure the README quotes.
    console.info(`authorization matrix: ${ACTIONS.length} actions, ${ran} cells`);
  });
});
