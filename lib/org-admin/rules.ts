// Pure rules of organisation administration (admins). No I/O.
import type { OrganisationKind, OrganisationRight, Role } from "@prisma/client";

export const ORG_PAGE_SIZE = 25;

/** What a new organisation's main contact may do: manage colleagues, file requests, employee data. */
export const MAIN_CONTACT_RIGHTS: readonly OrganisationRight[] = ["MANAGE_USERS", "SUBMIT_REQUESTS", "MANAGE_EMPLOYEES"];

/** Who may be an organisation's fixed case handler: someone who handles employer questions. */
export const FIXED_HANDLER_ROLES: readonly Role[] = ["CASE_HANDLER", "TEAM_COORDINATOR"];

export type OrgAdminRefusal = "NOT_FOUND" | "EXTERNAL_NUMBER_TAKEN" | "CSM_NOT_FOUND" | "HANDLER_NOT_FOUND" | "ORGANISATION_INACTIVE";

export const ORGANISATION_KINDS: readonly OrganisationKind[] = ["EMPLOYER", "PARTNER"];

/** External numbers compare the way people read them: no outer spaces, upper case ("wg-40012" is WG-40012). */
export function normaliseExternalNumber(value: string): string {
  return value.trim().toUpperCase();
}

export interface OrgListFilter {
  q: string;
  kind: OrganisationKind | null;
  active: boolean | null;
  page: number;
}

/** The list's filter from the URL's search parameters; anything unknown falls back to "all". */
export function parseOrgListFilter(params: Record<string, string | string[] | undefined>): OrgListFilter {
  const one = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  const kind = one("kind");
  const active = one("active");
  const page = Number.parseInt(one("page"), 10);
  return {
    q: one("q").trim().slice(0, 100),
    kind: kind === "EMPLOYER" || kind === "PARTNER" ? kind : null,
    active: active === "yes" ? true : active === "no" ? false : null,
    page: Number.isFinite(page) && page > 1 ? Math.min(page, 10_000) : 1,
  };
}

/** The pages of a list of `total` rows, and the page actually shown (a page past the end shows the last). */
export function pageWindow(total: number, requested: number): { pages: number; page: number; skip: number } {
  const pages = Math.max(1, Math.ceil(total / ORG_PAGE_SIZE));
  const page = Math.min(Math.max(1, requested), pages);
  return { pages, page, skip: (page - 1) * ORG_PAGE_SIZE };
}
