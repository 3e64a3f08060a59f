// /api/v1/complaints, /api/v1/escalations (each by id too) and /api/v1/kpis: reads with the lead desk's permissions.
import "server-only";
import { currentQuarter } from "@/lib/kpi/period";
import { loadKpisFor } from "@/lib/kpi/load";
import { apiComplaint, apiEscalation, listApiComplaints, listApiEscalations } from "./desk-queries";
import { complaintListQuery, escalationListQuery, kpiQuery, periodSchema } from "./desk-schema";
import { ApiProblem } from "./problem";
import { notFound, parseInput, queryObject, type ApiEndpoint } from "./route";

export const COMPLAINT_PAGE_SIZE = 50;

export const listComplaintsEndpoint: ApiEndpoint = {
  scope: "complaints:read",
  permission: "complaints.desk.use",
  handler: async ({ caller, url }) => {
    const query = parseInput(complaintListQuery, queryObject(url));
    const { data, total } = await listApiComplaints(caller, query, COMPLAINT_PAGE_SIZE);
    return { status: 200, body: { data, total, page: query.page, pageSize: COMPLAINT_PAGE_SIZE } };
  },
};

export const readComplaintEndpoint: ApiEndpoint = {
  scope: "complaints:read",
  permission: "complaints.desk.use",
  handler: async ({ caller, params }) => ({ status: 200, body: (await apiComplaint(caller, params.id ?? "")) ?? notFound() }),
};

export const listEscalationsEndpoint: ApiEndpoint = {
  scope: "escalations:read",
  permission: "escalations.board.read",
  handler: async ({ caller, url }) => {
    const { tier } = parseInput(escalationListQuery, queryObject(url));
    return { status: 200, body: { data: await listApiEscalations(caller, tier === "2" ? 2 : 1) } };
  },
};

export const readEscalationEndpoint: ApiEndpoint = {
  scope: "escalations:read",
  permission: "escalations.board.read",
  handler: async ({ caller, params }) => ({ status: 200, body: (await apiEscalation(caller, params.id ?? "")) ?? notFound() }),
};

export const kpisEndpoint: ApiEndpoint = {
  scope: "kpi:read",
  permission: "kpi.read",
  handler: async ({ caller, user, url, now }) => {
    // The figures span every organisation; they cannot be cut to one.
    if (caller.organisationId) throw new ApiProblem(403, "ORGANISATION_LIMITED", "KPIs cover every organisation; a token limited to one cannot read them.");
    const given = parseInput(kpiQuery, queryObject(url));
    const fallback = currentQuarter(now);
    const period = parseInput(periodSchema, { from: given.from ?? fallback.from, to: given.to ?? fallback.to });
    const data = await loadKpisFor(user, period, now);
    if (!data.ok) {
      if (data.reason === "FORBIDDEN") throw new ApiProblem(403, data.reason, "The staff account this token acts as may not read KPIs.");
      throw new ApiProblem(422, data.reason, `The period cannot be reported on (${data.problem}): give from and to as yyyy-MM-dd, from not after to.`);
    }
    return { status: 200, body: { from: data.from, to: data.to, report: data.report, contactReasons: data.contactReasons, targets: data.targets } };
  },
};
