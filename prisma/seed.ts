// Demo data: two employers and a chain partner, beneficiaries, staff in every role, two teams,
// and tickets in every status and channel. Every demo address ends in ".example" (RFC 2606), which
// is how the seed tells demo data from real users it must not wipe.
import type { Channel, OrganisationRight, Prisma, Role, TicketStatus } from "@prisma/client";
import { authSecret } from "@/lib/auth/auth-secret";
import { hashPassword } from "@/lib/auth/password";
import { isStaff } from "@/lib/auth/rules";
import { encryptSecret } from "@/lib/auth/two-factor-rules";
import { amsterdamDateKey, DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/rules";
import { db, type Tx } from "@/lib/db/client";
import { computeClock, DEFAULT_SLA_POLICIES } from "@/lib/sla/rules";
import { nextTicketNumber } from "@/lib/tickets/numbers";
import { seedAgent } from "./seed-agent";
import { seedComplaints } from "./seed-complaints";
import { seedMacros } from "./seed-macros";
import { seedContactLines } from "./seed-lines";
import { seedPortaal } from "./seed-portaal";
import { DEMO_TOTP_SECRET } from "./seed-totp";
import { seedUrgent } from "./seed-urgent";
import { seedWerkgever } from "./seed-werkgever";

export const DEMO_PASSWORD = "Loket-demo-2026";
const DEMO_SUFFIX = ".example";

export type SeedOutcome = "SEEDED" | "SKIPPED" | "REFUSED";

const CATEGORIES = [
  { key: "GENERAL_QUESTION", nameNl: "Algemene vraag", nameEn: "General question", dossierSensitive: false, audience: "BENEFICIARY" },
  { key: "DOSSIER_QUESTION", nameNl: "Vraag over mijn uitkering of dossier", nameEn: "Question about my payment or dossier", dossierSensitive: true, audience: "BENEFICIARY" },
  { key: "PROCESS_STATUS", nameNl: "Status van een dossier", nameEn: "Status of a dossier", dossierSensitive: true, audience: "EMPLOYER" },
  { key: "URGENT_REQUEST", nameNl: "Spoedverzoek", nameEn: "Urgent request", dossierSensitive: true, audience: null, slaPolicyKey: "URGENT_REQUEST" },
  { key: "COMPLAINT", nameNl: "Klacht", nameEn: "Complaint", dossierSensitive: false, audience: null, slaPolicyKey: "COMPLAINT" },
  { key: "PORTAL_HELP", nameNl: "Hulp bij het portaal", nameEn: "Help with the portal", dossierSensitive: false, audience: "BENEFICIARY" },
  { key: "MALFUNCTION", nameNl: "Storing", nameEn: "Malfunction", dossierSensitive: false, audience: "BENEFICIARY" },
  { key: "HR_DESK", nameNl: "HR-desk", nameEn: "HR desk", dossierSensitive: true, audience: null },
  { key: "PROCEDURE", nameNl: "Proces en procedure", nameEn: "Process and procedure", dossierSensitive: false, audience: "EMPLOYER" },
] as const;

interface Person {
  key: string;
  email: string;
  name: string;
  role: Role;
  phone?: string;
  clientNumber?: string;
  teams?: ("uitkeringen" | "werkgevers")[];
  organisation?: "vandijk" | "zorgnoord" | "utrecht";
  rights?: OrganisationRight[];
  hrProfessional?: boolean;
}

export const DEMO_PEOPLE: Person[] = [
  { key: "anna", email: "anna.jansen@burger.example", name: "Anna Jansen", role: "BENEFICIARY", phone: "0612345678", clientNumber: "K-100231" },
  { key: "bram", email: "bram.devries@burger.example", name: "Bram de Vries", role: "BENEFICIARY", phone: "0687654321", clientNumber: "K-100232" },
  { key: "eva", email: "eva.bakker@vandijk.example", name: "Eva Bakker", role: "EMPLOYER_CONTACT", organisation: "vandijk", rights: ["MANAGE_USERS", "MANAGE_EMPLOYEES", "SUBMIT_REQUESTS"], hrProfessional: true },
  { key: "tom", email: "tom.visser@vandijk.example", name: "Tom Visser", role: "EMPLOYER_CONTACT", organisation: "vandijk", rights: ["SUBMIT_REQUESTS"] },
  { key: "lisa", email: "lisa.smit@zorggroepnoord.example", name: "Lisa Smit", role: "EMPLOYER_CONTACT", organisation: "zorgnoord", rights: ["MANAGE_USERS", "SUBMIT_REQUESTS"] },
  { key: "gemeente", email: "p.mulder@utrecht.example", name: "Pieter Mulder", role: "EMPLOYER_CONTACT", organisation: "utrecht", rights: ["SUBMIT_REQUESTS"] },
  { key: "agent", email: "agent@loket.example", name: "Sanne de Boer", role: "CALLCENTER_AGENT", teams: ["uitkeringen", "werkgevers"] },
  { key: "handler", email: "behandelaar@loket.example", name: "Joost Meijer", role: "CASE_HANDLER", teams: ["uitkeringen", "werkgevers"] },
  { key: "coordinator", email: "coordinator@loket.example", name: "Fatima el Amrani", role: "TEAM_COORDINATOR", teams: ["uitkeringen", "werkgevers"] },
  { key: "manager", email: "manager@loket.example", name: "Henk Bos", role: "MANAGER" },
  { key: "csm", email: "csm@loket.example", name: "Ingrid Dekker", role: "CUSTOMER_SUCCESS_MANAGER" },
  { key: "ombuds", email: "ombudsman@loket.example", name: "Karel Peeters", role: "OMBUDS" },
  { key: "admin", email: "admin@loket.example", name: "Beheer Loket", role: "ADMIN" },
];

async function truncateAll(tx: Tx): Promise<void> {
  const tables = await tx.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map((t) => `"public"."${t.tablename.replace(/"/g, '""')}"`).join(", ");
  await tx.$executeRawUnsafe(`TRUNCATE TABLE ${list} CASCADE`);
}

export async function seedDatabase(options: { force?: boolean; onlyIfEmpty?: boolean; now: Date }): Promise<SeedOutcome> {
  const users = await db.user.count();
  if (users > 0 && options.onlyIfEmpty) return "SKIPPED";
  const realUsers = await db.user.count({ where: { NOT: { email: { endsWith: DEMO_SUFFIX } } } });
  if (realUsers > 0 && !options.force) return "REFUSED";

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(
    async (tx) => {
      await truncateAll(tx);
      await seedInto(tx, passwordHash, options.now);
      // Each place adds what its pages need to show (appointments, complaints, escalations, ...).
      await seedPortaal(tx, options.now);
      await seedWerkgever(tx, options.now);
      await seedUrgent(tx, options.now);
      await seedAgent(tx, options.now);
      await seedComplaints(tx, options.now);
      await seedMacros(tx);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return "SEEDED";
}

async function seedInto(tx: Tx, passwordHash: string, now: Date): Promise<void> {
  const teams = {
    uitkeringen: await tx.team.create({ data: { key: "uitkeringen", name: "Team Uitkeringen" } }),
    werkgevers: await tx.team.create({ data: { key: "werkgevers", name: "Team Werkgevers" } }),
  };
  for (const team of Object.values(teams)) {
    await tx.slotCapacity.createMany({
      data: [
        { teamId: team.id, slot: "MORNING", capacity: 6 },
        { teamId: team.id, slot: "AFTERNOON", capacity: 10 },
      ],
    });
  }

  const categories = new Map<string, string>();
  for (const [index, c] of CATEGORIES.entries()) {
    const created = await tx.ticketCategory.create({
      data: {
        key: c.key,
        nameNl: c.nameNl,
        nameEn: c.nameEn,
        dossierSensitive: c.dossierSensitive,
        audience: c.audience,
        slaPolicyKey: "slaPolicyKey" in c ? c.slaPolicyKey : "WRITTEN_QUESTION",
        // Live chat takes the light questions; dossier matters stay written or by phone.
        chat: ["GENERAL_QUESTION", "PORTAL_HELP", "PROCEDURE"].includes(c.key),
        sortOrder: index,
        defaultTeamId: c.audience === "EMPLOYER" || c.key === "URGENT_REQUEST" || c.key === "HR_DESK" ? teams.werkgevers.id : teams.uitkeringen.id,
      },
    });
    categories.set(c.key, created.id);
  }

  // Lines first: an SLA policy may count a line's opening hours (SlaPolicy.lineKey).
  await seedContactLines(tx, now);
  await tx.slaPolicy.createMany({
    data: [
      { ...DEFAULT_SLA_POLICIES.WRITTEN_QUESTION, nameNl: "Schriftelijke vraag", nameEn: "Written question", targetShare: 0.9 },
      { ...DEFAULT_SLA_POLICIES.COMPLAINT, nameNl: "Formele klacht (per fase)", nameEn: "Formal complaint (per tier)", targetShare: 1 },
      { ...DEFAULT_SLA_POLICIES.URGENT_REQUEST, nameNl: "Spoedverzoek", nameEn: "Urgent request", targetShare: 1 },
      { ...DEFAULT_SLA_POLICIES.ESCALATION_TIER_1, nameNl: "Escalatie niveau 1", nameEn: "Escalation tier 1", targetShare: 1 },
    ],
  });
  await tx.setting.createMany({
    data: [
      { key: "calendar", value: { goodFriday: "NEVER", liberationDay: "EVERY_FIFTH_YEAR" } },
      { key: "passwordPolicy", value: { minLength: 12, maxLength: 128, requireClasses: 0, forbiddenCharacters: "" } },
    ],
  });
  // External complaint bodies: the default, and a pension body for complaints about dossier
  // (payment and pension) questions, so the demo shows the body depending on the subject.
  await tx.complaintBody.create({
    data: {
      nameNl: "Nationale ombudsman",
      nameEn: "National Ombudsman",
      textNl: "Bent u niet tevreden over de afhandeling van uw klacht? Dan kunt u zich wenden tot de Nationale ombudsman, Postbus 93122, 2509 AC Den Haag, www.nationaleombudsman.nl.",
      textEn: "Not satisfied with how your complaint was handled? You can turn to the National Ombudsman, Postbus 93122, 2509 AC The Hague, www.nationaleombudsman.nl.",
      isDefault: true,
    },
  });
  const pensionBody = await tx.complaintBody.create({
    data: {
      nameNl: "Ombudsman Pensioenen",
      nameEn: "Pensions Ombudsman",
      textNl: "Bent u niet tevreden over de afhandeling van uw klacht over uw uitkering of pensioen? Dan kunt u zich wenden tot de Ombudsman Pensioenen, Postbus 93560, 2509 AN Den Haag, www.ombudsmanpensioenen.nl.",
      textEn: "Not satisfied with how your complaint about your benefit or pension was handled? You can turn to the Pensions Ombudsman, Postbus 93560, 2509 AN The Hague, www.ombudsmanpensioenen.nl.",
    },
  });
  await tx.ticketCategory.update({ where: { id: categories.get("DOSSIER_QUESTION")! }, data: { complaintBodyId: pensionBody.id } });

  const csmUserId = await createPerson(tx, DEMO_PEOPLE.find((p) => p.key === "csm")!, passwordHash, {}, teams, now);
  const organisations = {
    vandijk: await tx.organisation.create({
      // KvK number and RSIN as eHerkenning asserts them (scripts/oidc-dev-provider.ts has its logins).
      data: { name: "Bakkerij Van Dijk B.V.", externalNumber: "WG-40012", kvkNumber: "69123456", rsin: "857341261", customerSuccessManagerId: csmUserId },
    }),
    zorgnoord: await tx.organisation.create({
      data: { name: "Zorggroep Noord", externalNumber: "WG-40877", kvkNumber: "41234567", customerSuccessManagerId: csmUserId },
    }),
    utrecht: await tx.organisation.create({
      data: { name: "Gemeente Utrecht", externalNumber: "KP-00344", kind: "PARTNER", isPartner: true },
    }),
  };
  const ids: Record<string, string> = { csm: csmUserId };
  for (const person of DEMO_PEOPLE) {
    if (person.key === "csm") continue;
    ids[person.key] = await createPerson(tx, person, passwordHash, organisations, teams, now);
  }

  // Tickets: every status on every channel, spread over the last weeks.
  const statuses: TicketStatus[] = ["NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"];
  const specs: { requester: string; org?: keyof typeof organisations; category: string; channel: Channel; subject: string }[] = [
    { requester: "anna", category: "DOSSIER_QUESTION", channel: "PORTAL", subject: "Wanneer wordt mijn aanvulling uitbetaald?" },
    { requester: "anna", category: "GENERAL_QUESTION", channel: "EMAIL", subject: "Wijziging van mijn adres" },
    { requester: "anna", category: "PORTAL_HELP", channel: "PHONE", subject: "Ik kan mijn jaaropgave niet vinden" },
    { requester: "bram", category: "DOSSIER_QUESTION", channel: "LETTER", subject: "Bezwaar tegen de hoogte van mijn uitkering" },
    { requester: "bram", category: "MALFUNCTION", channel: "PORTAL", subject: "Foutmelding bij het uploaden" },
    { requester: "eva", org: "vandijk", category: "PROCESS_STATUS", channel: "PORTAL", subject: "Status ziekmelding medewerker 2231" },
    { requester: "tom", org: "vandijk", category: "PROCEDURE", channel: "EMAIL", subject: "Procedure bij uitdiensttreding" },
    { requester: "eva", org: "vandijk", category: "PROCEDURE", channel: "PHONE", subject: "Vraag over de loonaangifte" },
    { requester: "lisa", org: "zorgnoord", category: "PROCESS_STATUS", channel: "PORTAL", subject: "Re-integratieverslag ontbreekt" },
    { requester: "lisa", org: "zorgnoord", category: "PROCEDURE", channel: "LETTER", subject: "Aanmelding nieuwe collectieve regeling" },
    { requester: "gemeente", org: "utrecht", category: "PROCESS_STATUS", channel: "EMAIL", subject: "Ketenvraag: samenloop bijstand en aanvulling" },
  ];
  let n = 0;
  for (const status of statuses) {
    for (const spec of specs) {
      n += 1;
      const created = new Date(now.getTime() - (n * 7 + 2) * 3_600_000);
      await createDemoTicket(tx, {
        ...spec,
        status,
        requesterId: ids[spec.requester]!,
        organisation: spec.org ? organisations[spec.org] : null,
        categoryId: categories.get(spec.category)!,
        teamId: spec.org ? teams.werkgevers.id : teams.uitkeringen.id,
        assigneeId: status === "NEW" ? null : ids.handler!,
        created,
        now,
      });
    }
  }

  const urgent = await createDemoTicket(tx, {
    requester: "eva",
    subject: "Spoed: loonbeslag moet vandaag worden verwerkt",
    channel: "PORTAL",
    status: "OPEN",
    requesterId: ids.eva!,
    organisation: organisations.vandijk,
    categoryId: categories.get("URGENT_REQUEST")!,
    teamId: teams.werkgevers.id,
    assigneeId: ids.handler!,
    created: new Date(now.getTime() - 3 * 3_600_000),
    now,
    priority: "URGENT",
    policyKey: "URGENT_REQUEST",
  });
  await tx.urgentRequest.create({
    data: {
      ticketId: urgent.id,
      organisationId: organisations.vandijk.id,
      reason: "Beslaglegging moet vóór de salarisrun verwerkt zijn",
      forWhom: "Medewerker met personeelsnummer 2231",
      receivedAt: urgent.slaStartedAt!,
      dueAt: urgent.slaDueAt!,
    },
  });

  await tx.kbArticle.createMany({
    data: [
      { audience: "PUBLIC", published: true, question: "Wanneer wordt mijn uitkering betaald?", answer: "Wij betalen uw uitkering rond de 23e van de maand. Valt die dag in het weekend, dan betalen wij de werkdag ervoor.", tags: ["betaling", "uitkering"] },
      { audience: "PUBLIC", published: true, question: "Hoe wijzig ik mijn adres?", answer: "Een adreswijziging geeft u door aan uw gemeente. Wij krijgen die automatisch door.", tags: ["adres"] },
      { audience: "PUBLIC", published: true, question: "Waar vind ik mijn jaaropgave?", answer: "Uw jaaropgave sturen wij eind februari per post. Niet ontvangen? Stel een vraag via 'Nieuwe vraag' in Mijn Loket.", tags: ["jaaropgave", "portaal"] },
      { audience: "INTERNAL", published: true, question: "Belscript: beller vraagt naar dossier zonder klantnummer", answer: "Vraag naar het klantnummer of de geboortedatum en postcode. Zonder verificatie geen dossierinformatie geven; bied een terugbelafspraak aan.", tags: ["verificatie"], kind: "CALL_SCRIPT" },
    ],
  });
}

async function createPerson(
  tx: Tx,
  person: Person,
  passwordHash: string,
  organisations: Partial<Record<"vandijk" | "zorgnoord" | "utrecht", { id: string }>>,
  teams: Record<"uitkeringen" | "werkgevers", { id: string }>,
  now: Date,
): Promise<string> {
  const user = await tx.user.create({
    data: {
      email: person.email,
      name: person.name,
      role: person.role,
      passwordHash,
      phone: person.phone ?? null,
      clientNumber: person.clientNumber ?? null,
      // Staff must use TOTP: the demo staff are enrolled already, with the documented demo secret.
      ...(isStaff(person.role) ? { totpSecret: encryptSecret(DEMO_TOTP_SECRET, authSecret()), totpEnabledAt: now } : {}),
    },
  });
  const organisation = person.organisation ? organisations[person.organisation] : undefined;
  if (organisation) {
    await tx.membership.create({
      data: {
        userId: user.id,
        organisationId: organisation.id,
        rights: person.rights ?? [],
        hrProfessional: person.hrProfessional ?? false,
      },
    });
  }
  for (const team of person.teams ?? []) {
    await tx.teamMember.create({ data: { userId: user.id, teamId: teams[team].id } });
  }
  return user.id;
}

async function createDemoTicket(
  tx: Tx,
  input: {
    requester: string;
    subject: string;
    channel: Channel;
    status: TicketStatus;
    requesterId: string;
    organisation: { id: string; isPartner: boolean } | null;
    categoryId: string;
    teamId: string;
    assigneeId: string | null;
    created: Date;
    now: Date;
    priority?: "NORMAL" | "HIGH" | "URGENT";
    policyKey?: "WRITTEN_QUESTION" | "URGENT_REQUEST";
  },
) {
  const policy = DEFAULT_SLA_POLICIES[input.policyKey ?? "WRITTEN_QUESTION"];
  const done = input.status === "RESOLVED" || input.status === "CLOSED";
  // Resolved, closed and waiting tickets were answered two hours after receipt: that answer stopped
  // the clock (lib/sla/lifecycle.ts), so a ticket waiting on the customer shows "answered in time".
  const answered = done || input.status === "PENDING_CUSTOMER";
  const answeredAt = answered ? new Date(input.created.getTime() + 2 * 3_600_000) : null;
  const resolvedAt = done ? new Date(input.created.getTime() + 26 * 3_600_000) : null;
  const stoppedAt = answeredAt;
  const clock = computeClock({
    policy,
    startedAt: input.created,
    pauses: [],
    now: input.now,
    settings: DEFAULT_CALENDAR_SETTINGS,
    stoppedAt,
  });
  const data: Prisma.TicketUncheckedCreateInput = {
    number: await nextTicketNumber(tx, Number(amsterdamDateKey(input.created).slice(0, 4))),
    subject: input.subject,
    categoryId: input.categoryId,
    channel: input.channel,
    status: input.status,
    priority: input.priority ?? "NORMAL",
    audience: input.organisation ? "EMPLOYER" : "BENEFICIARY",
    requesterId: input.requesterId,
    organisationId: input.organisation?.id ?? null,
    isPartner: input.organisation?.isPartner ?? false,
    teamId: input.teamId,
    assigneeId: input.assigneeId,
    slaPolicyKey: policy.key,
    slaStartedAt: input.created,
    slaDueAt: clock.dueAt,
    slaAtRiskAt: clock.atRiskAt,
    slaState: clock.state,
    slaPausedAt: null,
    slaStoppedAt: stoppedAt,
    // The sweep's schedule: the next moment this clock changes, if it runs.
    ...(clock.nextChangeAt ? { slaCheck: { create: { at: clock.nextChangeAt } } } : {}),
    resolvedAt,
    closedAt: input.status === "CLOSED" ? resolvedAt : null,
    firstResponseAt: answeredAt,
    lastActivityAt: resolvedAt ?? answeredAt ?? input.created,
    createdAt: input.created,
  };
  const ticket = await tx.ticket.create({ data });
  if (answeredAt) {
    // As the answer writes it (lib/tickets/answer-clock.ts): the KPI judges the first answer by it.
    await tx.ticketEvent.create({
      data: { ticketId: ticket.id, actorId: input.assigneeId, kind: "sla.answered", data: { startedAt: input.created.toISOString(), dueAt: clock.dueAt.toISOString(), state: clock.state }, createdAt: answeredAt },
    });
  }
  await tx.message.create({
    data: {
      ticketId: ticket.id,
      direction: "INBOUND",
      channel: input.channel,
      authorId: input.requesterId,
      body: `${input.subject}. Kunt u mij hierover informeren?`,
      createdAt: input.created,
    },
  });
  if (input.status !== "NEW") {
    await tx.message.create({
      data: {
        ticketId: ticket.id,
        direction: "INTERNAL",
        channel: input.channel,
        authorId: input.assigneeId,
        body: "Dossier opgevraagd bij de afdeling uitkeringen.",
        createdAt: new Date(input.created.getTime() + 3_600_000),
      },
    });
  }
  if (done || input.status === "PENDING_CUSTOMER") {
    await tx.message.create({
      data: {
        ticketId: ticket.id,
        direction: "OUTBOUND",
        channel: input.channel === "PHONE" ? "EMAIL" : input.channel,
        authorId: input.assigneeId,
        body: done
          ? "Dank voor uw vraag. De betaling is verwerkt en staat binnen twee werkdagen op uw rekening."
          : "Wilt u ons een kopie van de beschikking sturen? Dan kunnen wij uw vraag verder behandelen.",
        createdAt: new Date(input.created.getTime() + 2 * 3_600_000),
      },
    });
  }
  return ticket;
}
