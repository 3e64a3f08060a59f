"use client";
import { SuccessNote, useFormAction } from "@/components/ui/form-action";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useFormatter } from "@/lib/i18n/use-formatter";
import { useEffect, useRef, useState } from "react";
import { sendPortalMessageAction, suggestArticlesAction } from "@/lib/portal/actions";
import { PORTAL_CATEGORIES } from "@/lib/portal/schema";
import { buttonClass, describedBy, ErrorAlert, FieldError, FilesField, inputClass, labelClass, TextAreaField } from "./form-kit";

interface Suggestion {
  id: string;
  question: string;
  answer: string;
}

export function NewMessageForm() {
  const t = useTranslations("portaal.newMessage");
  const format = useFormatter();
  const [sent, setSent] = useState<{ id: string; number: string; dueAt: string | null } | null>(null);
  const [query, setQuery] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(sendPortalMessageAction, (data) => setSent(data));

  useEffect(() => {
    if (query.trim().length < 3) return;
    const timer = setTimeout(() => {
      suggestArticlesAction({ query }).then(setSuggestions, () => setSuggestions([]));
    }, 400);
    return () => clearTimeout(timer);
  }, [query]);

  function onTextChange() {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    setQuery(`${String(data.get("subject") ?? "")} ${String(data.get("body") ?? "")}`.slice(0, 300));
  }

  if (sent) {
    const due = sent.dueAt ? format.dateTime(new Date(sent.dueAt), { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Amsterdam" }) : "—";
    return (
      <div className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-lg font-semibold">{t("sentTitle")}</h2>
        <SuccessNote>
          <span data-testid="sent-number">{t("sentText", { number: sent.number, due })}</span>
        </SuccessNote>
        <Link href={`/portaal/vragen/${sent.id}`}>{t("viewTicket")}</Link>
      </div>
    );
  }

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <form ref={formRef} onSubmit={onSubmit} onChange={onTextChange} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ErrorAlert reason={reason} fieldErrors={fieldErrors} />
        <div>
          <label htmlFor="categoryKey" className={labelClass}>{t("category")}</label>
          <select id="categoryKey" name="categoryKey" defaultValue="" className={inputClass} required {...describedBy("categoryKey", fieldErrors.categoryKey)}>
            <option value="" disabled>{t("chooseCategory")}</option>
            {PORTAL_CATEGORIES.map((key) => (
              <option key={key} value={key}>{t(`categories.${key}`)}</option>
            ))}
          </select>
          <FieldError id="categoryKey" errors={fieldErrors.categoryKey} />
        </div>
        <div>
          <label htmlFor="subject" className={labelClass}>{t("subject")}</label>
          <input id="subject" name="subject" maxLength={300} required className={inputClass} {...describedBy("subject", fieldErrors.subject)} />
          <FieldError id="subject" errors={fieldErrors.subject} />
        </div>
        <TextAreaField name="body" label={t("body")} hint={t("bodyHint")} rows={8} errors={fieldErrors.body} />
        <FilesField errors={fieldErrors.files} />
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("submitting") : t("submit")}</button>
      </form>
      <aside aria-labelledby="suggestions-title" aria-live="polite" className="space-y-3">
        {suggestions.length > 0 && query.trim().length >= 3 ? (
          <>
            <h2 id="suggestions-title" className="font-semibold text-slate-900">{t("suggestions")}</h2>
            <ul className="space-y-2" data-testid="kb-suggestions">
              {suggestions.map((s) => (
                <li key={s.id} className="rounded border border-brand-100 bg-brand-50 p-3 text-sm">
                  <details>
                    <summary className="cursor-pointer font-medium text-brand-800">{s.question}</summary>
                    <p className="mt-2 text-slate-800">{s.answer}</p>
                  </details>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <h2 id="suggestions-title" className="sr-only">{t("suggestions")}</h2>
        )}
      </aside>
    </div>
  );
}
