// KPI targets: the admin sets the values (Setting "kpi.targets"), the direction belongs to the KPI
// itself (a repeat request is never "the more the better"). Pure: schemas, defaults, conversion.
import { z } from "zod";
import type { KpiKey } from "./rules";

export type KpiDirection = "atLeast" | "atMost";
export interface KpiTarget {
  value: number;
  direction: KpiDirection;
}
/** null: no target, the KPI is shown for insight only. */
export type KpiTargets = Record<KpiKey, KpiTarget | null>;

export const KPI_TARGET_KEYS = [
  "firstContactResolution",
  "writtenInTime",
  "callbacksAttemptedInSlot",
  "callbacksWithin2Hours",
  "callbacksWithin24Hours",
  "callbacksReached",
  "callbacksUnreachable",
  "callbacksWrongNumber",
  "repeatCallbacks",
  "urgentInTime",
  "complaintsPerThousand",
  "complaintsInTime",
  "satisfaction",
  "callsAnsweredInMinute",
  "callsAbandoned",
  "reachability",
  "chatsAnswered",
  "chatsHandledInChat",
] as const satisfies readonly KpiKey[];

export const KPI_DIRECTIONS: Record<KpiKey, KpiDirection> = {
  firstContactResolution: "atLeast",
  writtenInTime: "atLeast",
  callbacksAttemptedInSlot: "atLeast",
  callbacksWithin2Hours: "atLeast",
  callbacksWithin24Hours: "atLeast",
  callbacksReached: "atLeast",
  callbacksUnreachable: "atMost",
  callbacksWrongNumber: "atMost",
  repeatCallbacks: "atMost",
  urgentInTime: "atLeast",
  complaintsPerThousand: "atMost",
  complaintsInTime: "atLeast",
  satisfaction: "atLeast",
  callsAnsweredInMinute: "atLeast",
  callsAbandoned: "atMost",
  reachability: "atLeast",
  chatsAnswered: "atLeast",
  chatsHandledInChat: "atLeast",
};

/** Every KPI but complaints per 1,000 contacts is a share (0..1); that one is a count per thousand. */
export function targetUnit(key: KpiKey): "share" | "perThousand" {
  return key === "complaintsPerThousand" ? "perThousand" : "share";
}

/** DESIGN.md's targets, the values that were fixed in code before they became a setting. */
export const DEFAULT_KPI_TARGET_VALUES: Record<KpiKey, number | null> = {
  firstContactResolution: 0.85,
  writtenInTime: 0.9,
  callbacksAttemptedInSlot: 1,
  // The inspection names the norm, not a share to reach: shown for insight until one is set.
  callbacksWithin2Hours: null,
  callbacksWithin24Hours: null,
  callbacksReached: null,
  callbacksUnreachable: null,
  callbacksWrongNumber: null,
  repeatCallbacks: 0.05,
  urgentInTime: 1,
  complaintsPerThousand: null,
  complaintsInTime: 1,
  satisfaction: 0.8,
  // The inspection's telephony norm: 80% of calls answered within one minute.
  callsAnsweredInMinute: 0.8,
  callsAbandoned: null,
  reachability: null,
  chatsAnswered: null,
  chatsHandledInChat: null,
};

export function targetsFromValues(values: Record<KpiKey, number | null>): KpiTargets {
  return Object.fromEntries(
    KPI_TARGET_KEYS.map((key) => [key, values[key] === null ? null : { value: values[key], direction: KPI_DIRECTIONS[key] }]),
  ) as KpiTargets;
}

export const DEFAULT_KPI_TARGETS: KpiTargets = Object.freeze(targetsFromValues(DEFAULT_KPI_TARGET_VALUES));

const maxOf = (key: KpiKey) => (targetUnit(key) === "share" ? 1 : 1000);

/** The stored setting: values in their unit; a key the row lacks keeps its default. */
export const kpiTargetsSettingSchema = z.object(
  Object.fromEntries(
    KPI_TARGET_KEYS.map((key) => [key, z.number().min(0).max(maxOf(key)).nullable().default(DEFAULT_KPI_TARGET_VALUES[key])]),
  ) as Record<KpiKey, z.ZodDefault<z.ZodNullable<z.ZodNumber>>>,
);

// The admin types percentages (85) and a count per thousand; empty means "no target".
function inputField(key: KpiKey) {
  const max = targetUnit(key) === "share" ? 100 : 1000;
  return z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? null : typeof v === "string" ? Number(v.replace(",", ".")) : v),
    z
      .number({ error: "TARGET_NUMBER" })
      .refine((n) => Number.isFinite(n), "TARGET_NUMBER")
      .refine((n) => n >= 0 && n <= max, "TARGET_RANGE")
      .nullable(),
  );
}

/** What the settings form sends: every KPI, as typed; turned into stored values. */
export const kpiTargetsInputSchema = z
  .object(Object.fromEntries(KPI_TARGET_KEYS.map((key) => [key, inputField(key)])) as Record<KpiKey, ReturnType<typeof inputField>>)
  .transform((input) => {
    const values = {} as Record<KpiKey, number | null>;
    for (const key of KPI_TARGET_KEYS) {
      const typed = input[key] as number | null;
      // Round away float noise: 57 / 100 must be stored and shown as 57 %.
      values[key] = typed === null ? null : targetUnit(key) === "share" ? Math.round(typed * 100) / 10_000 : typed;
    }
    return values;
  });

/** A stored value as the form shows it: a percentage, or the count per thousand. */
export function targetFormValue(key: KpiKey, target: KpiTarget | null): string {
  if (!target) return "";
  return String(targetUnit(key) === "share" ? Math.round(target.value * 10_000) / 100 : target.value);
}
