"use client";
import { useTranslations } from "next-intl";
import { updateSlaPolicyAction, updateSlotCapacityAction } from "@/lib/settings/actions";
import { SettingsForm } from "./use-settings-action";

const input = "mt-1 w-24 rounded border border-slate-400 px-2 py-1";

export function SlaPolicyForm({ policy }: { policy: { key: string; name: string; unit: string; amount: number; atRiskShare: number; targetShare: number } }) {
  const t = useTranslations("leadSettings");
  const id = (name: string) => `${policy.key}-${name}`;
  return (
    <SettingsForm
      className="flex flex-wrap items-end gap-3"
      action={updateSlaPolicyAction}
      toInput={(form) => ({ key: policy.key, amount: form.get("amount"), atRiskShare: Number(form.get("atRisk")) / 100, targetShare: Number(form.get("target")) / 100 })}
    >
      <p className="w-56 text-sm font-medium">{policy.name}</p>
      <div>
        <label htmlFor={id("amount")} className="block text-xs">{t(`sla.units.${policy.unit}`)}</label>
        <input id={id("amount")} name="amount" type="number" min={0.5} step={policy.unit === "WORKING_DAYS" ? 1 : 0.5} defaultValue={policy.amount} className={input} />
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
