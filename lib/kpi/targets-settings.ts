import "server-only";
import type { z } from "zod";
import { defineTxAction } from "@/lib/actions/transactional";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { type DbClient, getSettingValue } from "@/lib/settings/queries";
import { DEFAULT_KPI_TARGET_VALUES, type KpiTargets, kpiTargetsInputSchema, kpiTargetsSettingSchema, targetsFromValues } from "./targets";

// The targets the KPI verdicts judge against: one JSON setting, DESIGN's values until the admin saves.
const SETTING_KEY = "kpi.targets";

export async function getKpiTargets(client: DbClient): Promise<KpiTargets> {
  const values = await getSettingValue(client, SETTING_KEY, kpiTargetsSettingSchema, { ...DEFAULT_KPI_TARGET_VALUES });
  return targetsFromValues(values);
}

export async function saveKpiTargets(tx: Tx, values: z.output<typeof kpiTargetsInputSchema>, actorId: string): Promise<void> {
  await tx.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value: values }, update: { value: values } });
  await audit(tx, { actorId, action: "settings.update", entityType: "Setting", entityId: SETTING_KEY, data: values });
}

/** The admin form on the settings page: every KPI's target at once. */
export const updateKpiTargets = defineTxAction({
  name: "settings.kpiTargets",
  schema: kpiTargetsInputSchema,
  permission: "settings.manage",
  refusals: [],
  run: (tx, input, { user }) => saveKpiTargets(tx, input, user.id),
});
