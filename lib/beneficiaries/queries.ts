import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import { NO_PASSWORD } from "@/lib/auth/password";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { findPeopleByName } from "@/lib/people/search";
import { BENEFICIARIES_COUNT_CAP, BENEFICIARIES_PAGE_SIZE } from "./rules";

const LIST = { id: true, name: true, email: true, clientNumber: true, active: true, passwordHash: true, mergedIntoId: true, lastLoginAt: true } as const;

/** Where the person stands with the portal, as the list and the detail page say it. */
export type PortalState = "MERGED" | "INACTIVE" | "ACTIVE" | "NOT_INVITED" | "INVITED";

function stateOf(row: { active: boolean; passwordHash: string; mergedIntoId: string | null }, openInvite: boolean): PortalState {
  if (row.mergedIntoId) return "MERGED";
  if (!row.active) return "INACTIVE";
  if (row.passwordHash !== NO_PASSWORD) return "ACTIVE";
  return openInvite ? "INVITED" : "NOT_INVITED";
}

/** Beneficiaries by name, e-mail or client number, 25 a page; merged and erased accounts left out. */
export async function searchBeneficiaries(user: SessionUser, q: string, page: number, now: Date) {
  if (!can(user, "beneficiaries.manage")) return { rows: [], total: 0, capped: false };
  // The page by name from the trigram indexes (lib/people/search.ts); counted up to 1,000.
  const scope = Prisma.sql`u.role = 'BENEFICIARY' AND u."erasedAt" IS NULL AND u."mergedIntoId" IS NULL`;
  const { rows, total, capped } = await findPeopleByName(
    db,
    { scope, q },
    { take: BENEFICIARIES_PAGE_SIZE, skip: (page - 1) * BENEFICIARIES_PAGE_SIZE, countUpTo: BENEFICIARIES_COUNT_CAP },
    { ...LIST, invitationsReceived: { where: { usedAt: null, revokedAt: null, expiresAt: { gt: now } }, select: { id: true }, take: 1 } },
  );
  return {
    total,
    capped,
    rows: rows.map(({ passwordHash, invitationsReceived, ...r }) => ({ ...r, state: stateOf({ ...r, passwordHash }, invitationsReceived.length > 0) })),
  };
}

const DETAIL = {
  ...LIST,
  phone: true,
  postalStreet: true,
  postalCode: true,
  postalCity: true,
  locale: true,
  createdAt: true,
  mergedInto: { select: { id: true, name: true } },
  _count: { select: { requestedTickets: true, appointments: true, complaints: true, callsAsCaller: true, contactNotes: true } },
} as const;

async function detail(where: { id: string } | { OR: object[] }, now: Date) {
  const row = await db.user.findFirst({
    where: { ...where, role: "BENEFICIARY", erasedAt: null },
    select: { ...DETAIL, invitationsReceived: { where: { usedAt: null, revokedAt: null }, orderBy: { createdAt: "desc" }, take: 1, select: { expiresAt: true, createdAt: true } } },
  });
  if (!row) return null;
  const { passwordHash, invitationsReceived, ...rest } = row;
  const invite = invitationsReceived[0] ?? null;
  const open = invite !== null && invite.expiresAt > now;
  return { ...rest, state: stateOf({ ...rest, passwordHash }, open), invitation: invite ? { ...invite, expired: !open } : null };
}

export type BeneficiaryDetail = NonNullable<Awaited<ReturnType<typeof detail>>>;

/** One beneficiary for the detail page; null for anyone else (staff, employer contacts, erased). */
export function getBeneficiary(user: SessionUser, id: string, now: Date) {
  if (!can(user, "beneficiaries.manage") || id.length > 40) return Promise.resolve(null);
  return detail({ id }, now);
}

/** The duplicate staff look for on the detail page: exact client number or e-mail, not the person themself. */
export async function findDuplicateCandidate(user: SessionUser, survivorId: string, q: string, now: Date) {
  const term = q.trim();
  if (!can(user, "beneficiaries.manage") || term.length < 2 || term.length > 254) return null;
  const found = await detail({ OR: [{ clientNumber: term }, { email: term.toLowerCase() }] }, now);
  return found && found.id !== survivorId ? found : null;
}
