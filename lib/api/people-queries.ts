// People (beneficiaries and employer contacts) and organisations as the API shows them. An
// organisation-limited token sees its organisation and the people who belong to it, nobody else.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { normaliseExternalNumber } from "@/lib/org-admin/rules";
import type { ApiCaller } from "./token-auth";

const personSelect = {
  id: true, name: true, email: true, role: true, clientNumber: true, phone: true, locale: true, active: true,
  postalStreet: true, postalCode: true, postalCity: true, createdAt: true,
  memberships: { select: { organisation: { select: { id: true, name: true, externalNumber: true } } } },
} satisfies Prisma.UserSelect;

const organisationSelect = {
  id: true, name: true, externalNumber: true, kvkNumber: true, rsin: true, kind: true, isPartner: true, twoFactorRequired: true, active: true,
  customerSuccessManagerId: true, fixedCaseHandlerId: true, postalStreet: true, postalCode: true, postalCity: true, createdAt: true,
} satisfies Prisma.OrganisationSelect;

function personWhere(caller: ApiCaller): Prisma.UserWhereInput {
  const customers: Prisma.UserWhereInput = { role: { in: ["BENEFICIARY", "EMPLOYER_CONTACT"] }, mergedIntoId: null };
  return caller.organisationId ? { AND: [customers, { memberships: { some: { organisationId: caller.organisationId } } }] } : customers;
}

function personOf(row: Prisma.UserGetPayload<{ select: typeof personSelect }>) {
  const { memberships, ...rest } = row;
  return { ...rest, organisations: memberships.map((m) => m.organisation) };
}

export async function findPeople(caller: ApiCaller, query: { clientNumber?: string; email?: string }) {
  const rows = await db.user.findMany({
    where: { AND: [personWhere(caller), query.clientNumber ? { clientNumber: query.clientNumber } : {}, query.email ? { email: query.email } : {}] },
    select: personSelect,
    take: 20,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(personOf);
}

export async function findPerson(caller: ApiCaller, id: string) {
  const row = await db.user.findFirst({ where: { AND: [{ id }, personWhere(caller)] }, select: personSelect });
  return row ? personOf(row) : null;
}

export function organisationWhereFor(caller: ApiCaller): Prisma.OrganisationWhereInput {
  return caller.organisationId ? { id: caller.organisationId } : {};
}

export function findOrganisations(caller: ApiCaller, externalNumber: string) {
  return db.organisation.findMany({ where: { AND: [{ externalNumber: normaliseExternalNumber(externalNumber) }, organisationWhereFor(caller)] }, select: organisationSelect });
}

export function findOrganisation(caller: ApiCaller, id: string) {
  return db.organisation.findFirst({ where: { AND: [{ id }, organisationWhereFor(caller)] }, select: organisationSelect });
}
