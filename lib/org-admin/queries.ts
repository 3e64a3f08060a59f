import "server-only";
import type { Prisma } from "@prisma/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { listPendingInvitations } from "@/lib/organisations/queries";
import { FIXED_HANDLER_ROLES, pageWindow, type OrgListFilter } from "./rules";

const mayManage = (user: SessionUser) => can(user, "organisations.manage");

/** One page of organisations for the admin list, filtered by name or number, kind and state. */
export async function listOrganisations(user: SessionUser, filter: OrgListFilter) {
  if (!mayManage(user)) return { rows: [], total: 0, page: 1, pages: 1 };
  const where: Prisma.OrganisationWhereInput = {
    ...(filter.q ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { externalNumber: { contains: filter.q, mode: "insensitive" } }] } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.active === null ? {} : { active: filter.active }),
  };
  const total = await db.organisation.count({ where });
  const { page, pages, skip } = pageWindow(total, filter.page);
  const rows = await db.organisation.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip,
    take: 25,
    select: {
      id: true,
      name: true,
      externalNumber: true,
      kind: true,
      isPartner: true,
      active: true,
      customerSuccessManager: { select: { name: true } },
      fixedCaseHandler: { select: { name: true } },
      _count: { select: { memberships: true } },
    },
  });
  return { rows, total, page, pages };
}

/** One organisation with everything its admin page shows; null when unknown (the page 404s). */
export async function getOrganisationForAdmin(user: SessionUser, organisationId: string, now: Date) {
  if (!mayManage(user)) return null;
  const organisation = await db.organisation.findUnique({
    where: { id: organisationId },
    include: {
      customerSuccessManager: { select: { id: true, name: true } },
      fixedCaseHandler: { select: { id: true, name: true } },
      memberships: {
        orderBy: { user: { name: "asc" } },
        take: 200,
        select: { rights: true, hrProfessional: true, user: { select: { id: true, name: true, email: true, active: true, lastLoginAt: true } } },
      },
    },
  });
  if (!organisation) return null;
  const invitations = await listPendingInvitations({ organisationId }, now);
  return { organisation, contacts: organisation.memberships, invitations };
}

/** Who can be chosen as customer success manager and as fixed case handler: active people of those roles. */
export async function listOrganisationStaffOptions(user: SessionUser) {
  if (!mayManage(user)) return { csms: [], handlers: [] };
  const [csms, handlers] = await Promise.all([
    db.user.findMany({ where: { role: "CUSTOMER_SUCCESS_MANAGER", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
    db.user.findMany({ where: { role: { in: [...FIXED_HANDLER_ROLES] }, active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
  ]);
  return { csms, handlers };
}
