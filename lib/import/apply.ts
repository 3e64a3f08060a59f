// One batch of checked lines against the database: what exists is looked up for the whole batch at
// once (findMany ... in), each line is classed as created, updated, unchanged or a problem, and a
// real run writes it (createMany for the new rows). A dry run classes the same way and writes nothing.
import "server-only";
import type { OrganisationRight, Prisma } from "@prisma/client";
import { NO_PASSWORD } from "@/lib/auth/password";
import type { Tx } from "@/lib/db/client";
import { deliverInvitation, newInviteLink } from "@/lib/organisations/invitations";
import { changedFields, type BeneficiaryRow, type CheckedLine, type ContactRow, type ImportKindName, type ImportProblem, type OrganisationRow } from "./rules";
import { clientNumberKey } from "@/lib/people/client-number";
import { clientNumberKeySql } from "@/lib/db/text-match";

export interface BatchJob {
  kind: ImportKindName;
  dryRun: boolean;
  /** Mail new employer contacts their invitation (real runs only). */
  invite: boolean;
  createdById: string;
  linkBase: string;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

type Valid<R> = { line: number; row: R };

export async function applyBatch(tx: Tx, job: BatchJob, lines: readonly CheckedLine<OrganisationRow | ContactRow | BeneficiaryRow>[], now: Date): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, problems: [] };
  const valid: Valid<never>[] = [];
  for (const checked of lines) {
    if (checked.row) valid.push(checked as unknown as Valid<never>);
    else outcome.problems.push(...checked.problems);
  }
  if (valid.length === 0) return outcome;
  if (job.kind === "ORGANISATIONS") await organisations(tx, job, valid, now, outcome);
  else if (job.kind === "EMPLOYER_CONTACTS") await contacts(tx, job, valid, now, outcome);
  else await beneficiaries(tx, job, valid, now, outcome);
  return outcome;
}

const RIGHT_ORDER: OrganisationRight[] = ["MANAGE_USERS", "MANAGE_EMPLOYEES", "SUBMIT_REQUESTS"];
const ordered = (rights: readonly OrganisationRight[]) => RIGHT_ORDER.filter((r) => rights.includes(r));

async function organisations(tx: Tx, job: BatchJob, valid: Valid<OrganisationRow>[], now: Date, outcome: BatchOutcome) {
  const existing = await tx.organisation.findMany({
    where: { externalNumber: { in: valid.map((v) => v.row.externalNumber) } },
    select: { id: true, externalNumber: true, name: true, kind: true, isPartner: true, customerSuccessManagerId: true, kvkNumber: true, rsin: true, postalStreet: true, postalCode: true, postalCity: true },
  });
  const byNumber = new Map(existing.map((o) => [o.externalNumber, o]));
  const csmEmails = [...new Set(valid.flatMap((v) => (v.row.csmEmail ? [v.row.csmEmail] : [])))];
  const csms = csmEmails.length ? await tx.user.findMany({ where: { email: { in: csmEmails }, role: "CUSTOMER_SUCCESS_MANAGER", active: true }, select: { id: true, email: true } }) : [];
  const csmByEmail = new Map(csms.map((u) => [u.email, u.id]));
  const creates: Prisma.OrganisationCreateManyInput[] = [];
  for (const { line, row } of valid) {
    const csmId = row.csmEmail ? csmByEmail.get(row.csmEmail) : undefined;
    if (row.csmEmail && !csmId) {
      outcome.problems.push({ line, field: "csmEmail", reason: "UNKNOWN_CSM" });
      continue;
    }
    const wanted = {
      name: row.name, kind: row.kind, isPartner: row.isPartner, customerSuccessManagerId: csmId, kvkNumber: row.kvkNumber, rsin: row.rsin,
      postalStreet: row.street, postalCode: row.postalCode, postalCity: row.city,
    };
    const current = byNumber.get(row.externalNumber);
    if (!current) {
      outcome.created += 1;
      creates.push({ ...wanted, externalNumber: row.externalNumber, createdAt: now });
      continue;
    }
    const changes = changedFields(current, wanted);
    if (Object.keys(changes).length === 0) outcome.unchanged += 1;
    else {
      outcome.updated += 1;
      if (!job.dryRun) await tx.organisation.update({ where: { id: current.id }, data: changes });
    }
  }
  if (!job.dryRun && creates.length) await tx.organisation.createMany({ data: creates });
}

async function contacts(tx: Tx, job: BatchJob, valid: Valid<ContactRow>[], now: Date, outcome: BatchOutcome) {
  const orgs = await tx.organisation.findMany({ where: { externalNumber: { in: [...new Set(valid.map((v) => v.row.organisationNumber))] } }, select: { id: true, externalNumber: true, name: true } });
  const orgByNumber = new Map(orgs.map((o) => [o.externalNumber, o]));
  const emails = [...new Set(valid.map((v) => v.row.email))];
  const users = await tx.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true, phone: true, active: true, memberships: { select: { id: true, organisationId: true, rights: true } } },
  });
  const userByEmail = new Map(users.map((u) => [u.email, u]));
  const invitations = await tx.invitation.findMany({
    where: { organisationId: { in: orgs.map((o) => o.id) }, email: { in: emails }, usedAt: null, revokedAt: null },
    select: { id: true, organisationId: true, email: true, name: true, rights: true },
  });
  const inviteOf = new Map(invitations.map((i) => [`${i.organisationId}\u0000${i.email}`, i]));
  // Active holders of MANAGE_USERS per organisation, counted once and kept current through the batch.
  const managers = new Map<string, number>();
  const managersOf = async (organisationId: string) => {
    if (!managers.has(organisationId)) managers.set(organisationId, await tx.membership.count({ where: { organisationId, rights: { has: "MANAGE_USERS" }, user: { active: true } } }));
    return managers.get(organisationId)!;
  };
  for (const { line, row } of valid) {
    const org = orgByNumber.get(row.organisationNumber);
    if (!org) {
      outcome.problems.push({ line, field: "organisationNumber", reason: "UNKNOWN_ORGANISATION" });
      continue;
    }
    const user = userByEmail.get(row.email);
    if (user) {
      const membership = user.memberships.find((m) => m.organisationId === org.id);
      if (!membership) {
        outcome.problems.push({ line, field: "email", reason: "EMAIL_IN_USE" });
        continue;
      }
      const rights = row.rights === undefined ? undefined : ordered(row.rights);
      const rightsChange = rights !== undefined && rights.join() !== ordered(membership.rights).join();
      const phoneChange = row.phone !== undefined && row.phone !== user.phone;
      if (rightsChange && user.active && membership.rights.includes("MANAGE_USERS") && !rights.includes("MANAGE_USERS")) {
        // The organisation must keep someone who can manage its accounts (as the portal's own rule).
        if ((await managersOf(org.id)) <= 1) {
          outcome.problems.push({ line, field: "rights", reason: "LAST_MANAGER" });
          continue;
        }
        managers.set(org.id, (await managersOf(org.id)) - 1);
      }
      if (!rightsChange && !phoneChange) {
        outcome.unchanged += 1;
        continue;
      }
      outcome.updated += 1;
      if (job.dryRun) continue;
      if (rightsChange) await tx.membership.update({ where: { id: membership.id }, data: { rights } });
      if (phoneChange) await tx.user.update({ where: { id: user.id }, data: { phone: row.phone } });
      continue;
    }
    // No account yet: the contact exists as an open invitation to the organisation until accepted.
    const pending = inviteOf.get(`${org.id}\u0000${row.email}`);
    if (pending) {
      const changes = changedFields({ name: pending.name, rights: ordered(pending.rights) }, { name: row.name, rights: row.rights && ordered(row.rights) });
      if (Object.keys(changes).length === 0) outcome.unchanged += 1;
      else {
        outcome.updated += 1;
        if (!job.dryRun) await tx.invitation.update({ where: { id: pending.id }, data: changes });
      }
      continue;
    }
    outcome.created += 1;
    if (job.dryRun) continue;
    const link = newInviteLink(now);
    await tx.invitation.create({
      data: { organisationId: org.id, email: row.email, name: row.name, rights: ordered(row.rights ?? []), tokenHash: link.tokenHash, expiresAt: link.expiresAt, invitedById: job.createdById, createdAt: now },
    });
    // Without "invite" the link is never sent; the organisation's list shows the invitation, and
    // sending it again later mails a fresh link.
    if (job.invite) await deliverInvitation(tx, { organisationId: org.id }, { email: row.email, name: row.name, organisationName: org.name }, link, job.linkBase, now);
  }
}

type BeneficiaryState = { id: string; clientNumber: string | null; email: string | null; name: string; phone: string | null; postalStreet: string | null; postalCode: string | null; postalCity: string | null; locale: "nl" | "en" };

// The bulk path of a 100,000-line file: lookups as `= ANY(array)` and one INSERT … SELECT FROM
// unnest(…) per batch. Prisma's findMany/createMany send the same work as 1,000-parameter
// statements, several times slower (measured with scripts/bench-import.ts).
async function beneficiaries(tx: Tx, job: BatchJob, valid: Valid<BeneficiaryRow>[], now: Date, outcome: BatchOutcome) {
  // A line's person is the account with its client number in any spelling ("k100231" is K-100231's),
  // found by the plain client number index, as the forms and searches read a number.
  const clientKeys = valid.map((v) => clientNumberKey(v.row.clientNumber));
  const emails = valid.flatMap((v) => (v.row.email ? [v.row.email] : []));
  const byClient = await tx.$queryRaw<BeneficiaryState[]>`
    SELECT id, "clientNumber", email, name, phone, "postalStreet", "postalCode", "postalCity", locale::text AS locale
    FROM "User" WHERE ${clientNumberKeySql('"clientNumber"')} = ANY(${clientKeys}::text[])`;
  const byEmail = await tx.$queryRaw<{ id: string; email: string }[]>`SELECT id, email FROM "User" WHERE email = ANY(${emails}::text[])`;
  const clientOf = new Map(byClient.map((u) => [clientNumberKey(u.clientNumber!), u]));
  const holderOf = new Map(byEmail.map((u) => [u.email, u.id]));
  const creates: BeneficiaryRow[] = [];
  for (const { line, row } of valid) {
    const current = clientOf.get(clientNumberKey(row.clientNumber));
    const holder = row.email ? holderOf.get(row.email) : undefined;
    if (holder && holder !== current?.id) {
      outcome.problems.push({ line, field: "email", reason: "EMAIL_IN_USE" });
      continue;
    }
    if (!current) {
      outcome.created += 1;
      creates.push(row);
      continue;
    }
    const wanted = { name: row.name, email: row.email, phone: row.phone, postalStreet: row.street, postalCode: row.postalCode, postalCity: row.city, locale: row.language };
    const changes = changedFields(current, wanted);
    if (Object.keys(changes).length === 0) outcome.unchanged += 1;
    else {
      outcome.updated += 1;
      if (!job.dryRun) await tx.user.update({ where: { id: current.id }, data: changes });
    }
  }
  if (job.dryRun || creates.length === 0) return;
  // No password (NO_PASSWORD): staff invite the person to the portal later; until then the account cannot sign in.
  const column = <K extends keyof BeneficiaryRow>(key: K) => creates.map((r) => (r[key] ?? null) as string | null);
  await tx.$executeRaw`
    INSERT INTO "User" (id, "clientNumber", name, email, phone, "postalStreet", "postalCode", "postalCity", locale, role, "passwordHash", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, c, n, e, p, s, z, t, COALESCE(l, 'nl')::"Locale", 'BENEFICIARY'::"Role", ${NO_PASSWORD}, ${now}, ${now}
    FROM unnest(${column("clientNumber")}::text[], ${column("name")}::text[], ${column("email")}::text[], ${column("phone")}::text[],
                ${column("street")}::text[], ${column("postalCode")}::text[], ${column("city")}::text[], ${column("language")}::text[]) AS x(c, n, e, p, s, z, t, l)`;
}
