"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { formatLimit, parseErrorCode } from "@/lib/forms/error-code";
import { useState } from "react";
import { useAgentAction } from "@/components/agent/use-action-errors";
import { updateUrgentWordsAction } from "@/lib/urgent/actions";

/** Admin form: the words that make a mail subject urgent, one per line. */
export function UrgentWordsForm({ words }: { words: readonly string[] }) {
  const t = useTranslations("urgentWords");
  const router = useRouter();
  const { error: refusal, errors, pending, run } = useAgentAction("urgentWords", () => "urgent-words");
  const locale = useLocale();
  // A list over its bound names the bound ("TOO_LONG:2000"); other refusals read as they come.
  const tooLong = errors.words?.[0] ? parseErrorCode(errors.words[0]) : null;
  const error = tooLong?.code === "TOO_LONG" && tooLong.limit !== undefined ? t("errors.TOO_LONG", { limit: formatLimit(tooLong.limit, locale) }) : refusal;
  const [text, setText] = useState(words.join("\n"));
  const [saved, setSaved] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        run(() => updateUrgentWordsAction({ words: text }), () => {
          setSaved(true);
          router.refresh();
        });
      }}
      className="space-y-2"
    >
      <label htmlFor="urgent-words" className="block text-sm font-medium">{t("label")}</label>
      <textarea id="urgent-words" rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error ? true : undefined} className="block w-72 rounded border border-slate-400 px-2 py-1 text-sm" />
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">{t("save")}</button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      {saved ? <p role="status" className="text-sm text-emerald-800">{t("saved")}</p> : null}
    </form>
  );
}
