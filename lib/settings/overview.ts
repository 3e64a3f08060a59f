import "server-only";
import { getPasswordPolicy } from "@/lib/auth/password-settings";
import { db } from "@/lib/db/client";
import { getCalendarSettings, getOpeningHours, getSlaPolicies } from "./queries";

/** Everything the admin's configuration page shows, in one read. */
export async function loadSettingsOverview() {
  const [calendar, hours, policies, policyRows, closureDays, teams, passwordPolicy] = await Promise.all([
    getCalendarSettings(db),
    getOpeningHours(db),
    getSlaPolicies(db),
    db.slaPolicy.findMany({ orderBy: { key: "asc" } }),
    db.closureDay.findMany({ orderBy: { date: "asc" } }),
    db.team.findMany({ orderBy: { name: "asc" }, include: { capacity: true } }),
    getPasswordPolicy(db),
  ]);
  return {
    calendar,
    // Every line's hours are edited on the lines page (/agent/beheer/lijnen); here only how many lines.
    lineCount: Object.keys(hours).length,
    policies: Object.values(policies).map((p) => {
      const row = policyRows.find((r) => r.key === p.key);
      return { key: p.key, unit: p.unit, lineKey: p.lineKey ?? null, amount: p.amount, atRiskShare: p.atRiskShare, targetShare: row?.targetShare ?? 0.9, nameNl: row?.nameNl ?? p.key, nameEn: row?.nameEn ?? p.key };
    }),
    // Lines an OPENING_HOURS policy may count.
    contactLines: await db.contactLine.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }], select: { key: true, nameNl: true, nameEn: true } }),
    closureDays,
    teams: teams.map((team) => ({
      id: team.id,
      name: team.name,
      morning: team.capacity.find((c) => c.slot === "MORNING")?.capacity ?? 0,
      afternoon: team.capacity.find((c) => c.slot === "AFTERNOON")?.capacity ?? 0,
    })),
    passwordPolicy,
  };
}
