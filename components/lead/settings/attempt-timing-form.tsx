"use client";
import { useTranslations } from "next-intl";
import { updateAttemptTimingAction } from "@/lib/callbacks/actions";
import { WorkspaceFieldError, fieldAria } from "@/components/agent/field-feedback";
import { SettingsForm } from "./use-settings-action";

const input = "mt-1 w-24 rounded border border-slate-400 px-2 py-1";
const FIELDS = [
  { name: "earlyMinutes", max: 180 },
  { name: "minIntervalMinutes", max: 120 },
] as const;

/** When a callback attempt may be logged: lead time before the slot, interval between failed tries. */
export function AttemptTimingForm({ timing }: { timing: { earlyMinutes: number; minIntervalMinutes: number } }) {
  const t = useTranslations("leadSettings");
  return (
    <SettingsForm
      className="flex flex-wrap items-end gap-3"
      action={updateAttemptTimingAction}
      toInput={(form) => ({ earlyMinutes: form.get("earlyMinutes"), minIntervalMinutes: form.get("minIntervalMinutes") })}
      idOf={(field) => `attempts-${field}`}
    >
      {(fieldErrors) => FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={`attempts-${f.name}`} className="block text-xs">{t(`attempts.${f.name}`)}</label>
          <input id={`attempts-${f.name}`} name={f.name} type="number" min={0} max={f.max} step={1} required defaultValue={timing[f.name]} {...fieldAria(`attempts-${f.name}`, fieldErrors[f.name])} className={input} />
          <WorkspaceFieldError id={`attempts-${f.name}`} errors={fieldErrors[f.name]} namespace="leadSettings" extraCodes={["ATTEMPT_MINUTES_RANGE", "WHOLE_NUMBER", "NOT_NEGATIVE"]} />
        </div>
      ))}
    </SettingsForm>
  );
}
