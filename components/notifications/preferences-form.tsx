"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { saveNotificationPreferencesAction } from "@/lib/notifications/actions";
import { DELIVERY_CHOICES, type DeliveryChoice, type NotificationKind } from "@/lib/notifications/rules";
import { NotifyAlert } from "./notify-alert";

export function PreferencesForm({ preferences }: { preferences: { kind: NotificationKind; choice: DeliveryChoice }[] }) {
  const t = useTranslations("notifyPrefs");
  const tk = useTranslations("notifyKinds");
  const th = useTranslations("notifyKindHelp");
  const router = useRouter();
  const { pending, succeeded, reason, onSubmit } = useFormAction(
    (form) => saveNotificationPreferencesAction({ choices: preferences.map(({ kind }) => ({ kind, choice: form.get(kind) })) }),
    () => router.refresh(),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("title")} className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <NotifyAlert reason={reason} />
      {succeeded ? <SuccessNote>{t("saved")}</SuccessNote> : null}
      {preferences.map(({ kind, choice }) => {
        const id = kind.replace(/\W/g, "-");
        return (
          <fieldset key={kind} className="border-b border-slate-100 pb-4 last:border-0" aria-describedby={`${id}-help`} data-testid={`preference-${kind}`}>
            <legend className="font-medium text-slate-900">{tk(kind)}</legend>
            <p id={`${id}-help`} className="mb-2 text-sm text-slate-600">
              {th(kind)}
            </p>
            <div className="flex flex-wrap gap-4">
              {DELIVERY_CHOICES.map((option) => (
                <label key={option} className="inline-flex items-center gap-2 text-sm">
                  <input type="radio" name={kind} value={option} defaultChecked={choice === option} className="h-4 w-4" />
                  {t(option)}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
