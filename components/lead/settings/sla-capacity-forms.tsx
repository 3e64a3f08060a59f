"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { updateSlaPolicyAction, updateSlotCapacityAction } from "@/lib/settings/actions";
import { SettingsForm } from "./use-settings-action";

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
  return (
    <SettingsForm
      className="flex flex-wrap items-end gap-3"
      action={updateSlaPolicyAction}
      toInput={(form) => ({
        key: policy.key,
        unit: form.get("unit"),
        lineKey: unit === "OPENING_HOURS" ? form.get("lineKey") : undefined,
        amount: form.get("amount"),
        atRiskShare: Number(form.get("atRisk")) / 100,
        targetShare: Number(form.get("target")) / 100,
      })}
    >
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
          <select id={id("line")} name="lineKey" defaultValue={policy.lineKey ?? "EMPLOYER"} className="mt-1 rounded border border-slate-400 bg-white px-2 py-1">
            {lines.map((l) => <option key={l.key} value={l.key}>{l.name}</option>)}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor={id("amount")} className="block text-xs">{t(`sla.amountIn.${unit}`)}</label>
        <input id={id("amount")} name="amount" type="number" min={0.5} step={unit === "WORKING_DAYS" ? 1 : 0.5} defaultValue={policy.amount} className={input} />
      </div>
      <div>
        <label htmlFor={id("atRisk")} className="block text-xs">{t("sla.atRisk")}</label>
        <input id={id("atRisk")} name="atRisk" type="number" min={5} max={50} defaultValue={Math.round(policy.atRiskShare * 100)} className={input} />
      </div>
      <div>
        <label htmlFor={id("target")} className="block text-xs">{t("sla.target")}</label>
        <input id={id("target")} name="target" type="number" min={50} max={100} defaultValue={Math.round(policy.targetShare * 100)} className={input} />
      </div>
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
    >
      <p className="w-56 text-sm font-medium">{team.name}</p>
      {(["morning", "afternoon"] as const).map((slot) => (
        <div key={slot}>
          <label htmlFor={`${team.id}-${slot}`} className="block text-xs">{t(`capacity.${slot}`)}</label>
          <input id={`${team.id}-${slot}`} name={slot} type="number" min={0} max={200} step={1} defaultValue={team[slot]} className={input} />
        </div>
      ))}
    </SettingsForm>
  );
}
