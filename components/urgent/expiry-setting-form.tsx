"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAgentAction } from "@/components/agent/use-action-errors";
import { updatePreAnnouncementExpiryAction } from "@/lib/urgent/actions";

/** Admin form: a pre-announcement matches urgent mails until the close of the n-th open day of a line. */
export function ExpirySettingForm({ lineKey, openDays, lines }: { lineKey: string; openDays: number; lines: readonly { key: string; name: string }[] }) {
  const t = useTranslations("urgentExpiry");
  const router = useRouter();
  const { error, errors, pending, run } = useAgentAction("urgentExpiry");
  const [line, setLine] = useState(lineKey);
  const [days, setDays] = useState(String(openDays));
  const [saved, setSaved] = useState(false);
  const fieldText = (name: string) => {
    const code = errors[name]?.[0];
    return code ? (t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.GENERIC")) : undefined;
  };
  const lineError = fieldText("lineKey");
  const daysError = fieldText("openDays");
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        run(() => updatePreAnnouncementExpiryAction({ lineKey: line, openDays: days }), () => {
          setSaved(true);
          router.refresh();
        });
      }}
      className="space-y-2"
    >
      <div className="flex flex-wrap items-start gap-4">
        <div>
          <label htmlFor="expiry-line" className="block text-sm font-medium">{t("line")}</label>
          <select id="expiry-line" value={line} onChange={(e) => setLine(e.target.value)} aria-invalid={lineError ? true : undefined} aria-describedby={lineError ? "expiry-line-error" : undefined} className="block rounded border border-slate-400 px-2 py-1 text-sm">
            {lines.some((l) => l.key === line) ? null : <option value={line}>{line}</option>}
            {lines.map((l) => (
              <option key={l.key} value={l.key}>{l.name}</option>
            ))}
          </select>
          {lineError ? <p id="expiry-line-error" className="text-sm text-red-700">{lineError}</p> : null}
        </div>
        <div>
          <label htmlFor="expiry-days" className="block text-sm font-medium">{t("openDays")}</label>
          <input id="expiry-days" type="number" min={1} max={10} step={1} value={days} onChange={(e) => setDays(e.target.value)} aria-invalid={daysError ? true : undefined} aria-describedby="expiry-days-hint" className="block w-24 rounded border border-slate-400 px-2 py-1 text-sm" />
          <p id="expiry-days-hint" className="text-xs text-slate-600">{t("openDaysHint")}</p>
          {daysError ? <p className="text-sm text-red-700">{daysError}</p> : null}
        </div>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">{t("save")}</button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      {saved ? <p role="status" className="text-sm text-emerald-800">{t("saved")}</p> : null}
    </form>
  );
}
