import "server-only";
import { getPasswordPolicy } from "@/lib/auth/password-settings";
import { db } from "@/lib/db/client";
import { getCalendarSettings, getOpeningHours, getSettingValue, getSlaPolicies } from "./queries";
import { externalBodySchema } from "./schema";

/** Everything the admin's configuration page shows, in one read. */
export async function loadSettingsOverview() {
  const [calendar, hours, policies, policyRows, closureDays, teams, externalBody, passwordPolicy] = await Promise.all([
    getCalendarSettings(db),
    getOpeningHours(db),
    getSlaPolicies(db),
    db.slaPolicy.findMany({ orderBy: { key: "asc" } }),
    db.closureDay.findMany({ orderBy: { date: "asc" } }),
    db.team.findMany({ orderBy: { name: "asc" }, include: { capacity: true } }),
    getSettingValue(db, "complaints.externalBody", externalBodySchema, { nl: "", en: "" }),
    getPasswordPolicy(db),
  ]);
  const days = (line: "BENEFICIARY" | "EMPLOYER") =>
    ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => {
      const first = hours[line][weekday][0];
      return { weekday, closed: !first, opens: first?.open ?? "09:00", closes: first?.close ?? "17:00" };
    });
  return {
    calendar,
    openingHours: { BENEFICIARY: days("BENEFICIARY"), EMPLOYER: days("EMPLOYER") },
    policies: Object.values(policies).map((p) => {
      const row = policyRows.find((r) => r.key === p.key);
      return { key: p.key, unit: p.unit, amount: p.amount, atRiskShare: p.atRiskShare, targetShare: row?.targetShare ?? 0.9, nameNl: row?.nameNl ?? p.key, nameEn: row?.nameEn ?? p.key };
    }),
    closureDays,
    teams: teams.map((team) => ({
      id: team.id,
      name: team.name,
      morning: team.capacity.find((c) => c.slot === "MORNING")?.capacity ?? 0,
      afternoon: team.capacity.find((c) => c.slot === "AFTERNOON")?.capacity ?? 0,
    })),
    externalBody,
    passwordPolicy,
  };
}
