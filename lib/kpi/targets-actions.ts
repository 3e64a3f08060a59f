"use server";
import { runAdminAction } from "@/lib/actions/admin-run";
import { updateKpiTargets } from "./targets-settings";

export async function updateKpiTargetsAction(input: unknown) {
  return runAdminAction(updateKpiTargets, input, ["/agent/beheer/instellingen", "/agent/kpi"]);
}
