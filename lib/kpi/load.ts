import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { contactReasonReport } from "./contact-reason-queries";
import type { ContactReasonReport } from "./contact-reasons";
import { currentQuarter, periodFromKeys, periodProblem, periodSchema, type PeriodProblem } from "./period";
import { loadKpiReport, type KpiReport } from "./queries";
import { mayReadKpis } from "./rules";
import type { KpiTargets } from "./targets";
import { getKpiTargets } from "./targets-settings";

export type KpiPageData =
  | { ok: true; from: string; to: string; report: KpiReport; contactReasons: ContactReasonReport | null; targets: KpiTargets }
  | { ok: false; reason: "FORBIDDEN" }
  | { ok: false; reason: "INVALID_PERIOD"; problem: PeriodProblem; from: string; to: string };

/** The lead desk's KPI report for the period in the query string (default: this quarter). */
export async function loadKpisFor(user: SessionUser, params: { from?: string; to?: string }, now: Date): Promise<KpiPageData> {
  if (!mayReadKpis(user.role)) return { ok: false, reason: "FORBIDDEN" };
  const fallback = currentQuarter(now);
  const keys = { from: params.from || fallback.from, to: params.to || fallback.to };
  const parsed = periodSchema.safeParse(keys);
  if (!parsed.success) return { ok: false, reason: "INVALID_PERIOD", problem: periodProblem(keys) ?? "NOT_A_DATE", ...keys };
  const report = await loadKpiReport(db, periodFromKeys(parsed.data.from, parsed.data.to), now);
  const contactReasons = await contactReasonReport(db, parsed.data);
  // The verdicts judge against the admin's targets (settings page), not numbers fixed in code.
  const targets = await getKpiTargets(db);
  return { ok: true, ...parsed.data, report, contactReasons, targets };
}
