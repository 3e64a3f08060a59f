"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fieldAria, WorkspaceFieldError } from "@/components/agent/field-feedback";
import { updateSlaPolicyAction, updateSlotCapacityAction } from "@/lib/settings/actions";
import { SettingsForm } from "./use-settings-action";

// The codes these forms' fields can be refused with (leadSettings.fieldErrors words them with their bounds).
const SLA_CODES = ["POSITIVE", "AMOUNT_MAX", "AT_RISK_RANGE", "TARGET_RANGE", "LINE_REQUIRED"];
const CAPACITY_CODES = ["WHOLE_NUMBER", "NOT_NEGATIVE", "CAPACITY_MAX"];
// The schema's field names and the inputs that carry them.
const SLA_INPUTS: Record<string, string> = { amount: "amount", atRiskShare: "atRisk", targetShare: "target", lineKey: "line", unit: "unit" };

const input = "mt-1 w-24 rounded border border-slate-400 px-2 py-1";

const UNITS = ["WORKING_DAYS", "WORKING_HOURS", "CALENDAR_HOURS", "OPENING_HOURS"] as const;

export function SlaPolicyForm({
  policy,
  lines,
}: {
  policy: { key: string; name: string; unit: string; lineKey: string | null; amount: number; atRiskShare: number; targetShare: number };
  lines: { key: string; name: string }[];
}) {
  const t = useTranslations("leadSettings");
  const id = (name: string) => `${policy.key}-${name}`;
  // The unit decides what the amount counts; OPENING_HOURS also needs whose opening hours.
  const [unit, setUnit] = useState(policy.unit);
  const idOf = (field: string) => id(SLA_INPUTS[field] ?? field);
  return (
    <SettingsForm
      className="flex flex-wrap items-end gap-3"
      action={updateSlaPolicyAction}
      idOf={idOf}
      toInput={(form) => ({
        key: policy.key,
        unit: form.get("unit"),
        lineKey: unit === "OPENING_HOURS" ? form.get("lineKey") : undefined,
        amount: form.get("amount"),
        atRiskShare: Number(form.get("atRisk")) / 100,
        targetShare: Number(form.get("target")) / 100,
      })}
    >
      {(fieldErrors) => (
        <>
          <p className="w-56 text-sm font-medium">{policy.name}</p>
          <div>
            <label htmlFor={id("unit")} className="block text-xs">{t("sla.unit")}</label>
            <select id={id("unit")} name="unit" value={unit} onChange={(e) => setUnit(e.target.value)} className="mt-1 rounded border border-slate-400 bg-white px-2 py-1">
              {UNITS.map((u) => <option key={u} value={u}>{t(`sla.units.${u}`)}</option>)}
            </select>
          </div>
          {unit === "OPENING_HOURS" ? (
            <div>
              <label htmlFor={id("line")} className="block text-xs">{t("sla.line")}</label>
              <select id={id("line")} name="lineKey" defaultValue={policy.lineKey ?? "EMPLOYER"} {...fieldAria(id("line"), fieldErrors.lineKey)} className="mt-1 rounded border border-slate-400 bg-white px-2 py-1">
                {lines.map((l) => <option key={l.key} value={l.key}>{l.name}</option>)}
              </select>
              <WorkspaceFieldError id={id("line")} errors={fieldErrors.lineKey} namespace="leadSettings" extraCodes={SLA_CODES} />
            </div>
          ) : null}
          <div>
            <label htmlFor={id("amount")} className="block text-xs">{t(`sla.amountIn.${unit}`)}</label>
            <input id={id("amount")} name="amount" type="number" min={1} step={1} defaultValue={policy.amount} {...fieldAria(id("amount"), fieldErrors.amount)} className={input} />
            <WorkspaceFieldError id={id("amount")} errors={fieldErrors.amount} namespace="leadSettings" extraCodes={SLA_CODES} />
          </div>
          <div>
            <label htmlFor={id("atRisk")} className="block text-xs">{t("sla.atRisk")}</label>
            <input id={id("atRisk")} name="atRisk" type="number" min={5} max={50} defaultValue={Math.round(policy.atRiskShare * 100)} {...fieldAria(id("atRisk"), fieldErrors.atRiskShare)} className={input} />
            <WorkspaceFieldError id={id("atRisk")} errors={fieldErrors.atRiskShare} namespace="leadSettings" extraCodes={SLA_CODES} />
          </div>
          <div>
            <label htmlFor={id("target")} className="block text-xs">{t("sla.target")}</label>
            <input id={id("target")} name="target" type="number" min={50} max={100} defaultValue={Math.round(policy.targetShare * 100)} {...fieldAria(id("target"), fieldErrors.targetShare)} className={input} />
            <WorkspaceFieldError id={id("target")} errors={fieldErrors.targetShare} namespace="leadSettings" extraCodes={SLA_CODES} />
          </div>
        </>
      )}
    </SettingsForm>
  );
}

export function SlotCapacityForm({ team }: { team: { id: string; name: string; morning: number; afternoon: number } }) {
  const t = useTranslations("leadSettings");
  return (
    <SettingsForm
      className="flex flex-wrap items-end gap-3"
      action={updateSlotCapacityAction}
      toInput={(form) => ({ teamId: team.id, morning: form.get("morning"), afternoon: form.get("afternoon") })}
      idOf={(field) => `${team.id}-${field}`}
    >
      {(fieldErrors) => (
        <>
          <p className="w-56 text-sm font-medium">{team.name}</p>
          {(["morning", "afternoon"] as const).map((slot) => (
            <div key={slot}>
              <label htmlFor={`${team.id}-${slot}`} className="block text-xs">{t(`capacity.${slot}`)}</label>
              <input id={`${team.id}-${slot}`} name={slot} type="number" min={0} max={200} step={1} defaultValue={team[slot]} {...fieldAria(`${team.id}-${slot}`, fieldErrors[slot])} className={input} />
              <WorkspaceFieldError id={`${team.id}-${slot}`} errors={fieldErrors[slot]} namespace="leadSettings" extraCodes={CAPACITY_CODES} />
            </div>
          ))}
        </>
      )}
    </SettingsForm>
  );
}
