"use client";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { fieldAria, WorkspaceFieldError, WorkspaceRefusal } from "@/components/agent/field-feedback";
import { useAgentAction } from "@/components/agent/use-action-errors";
import { formatDateTime, toFormatLocale } from "@/lib/calendar/format";
import { registerLetterAction } from "@/lib/letters/actions";

interface Props {
  /** The sender chosen from the search, or null: a new client is registered with the letter. */
  sender: { id: string; name: string; address: { street: string; postalCode: string; city: string } | null } | null;
  categories: { key: string; name: string }[];
  today: string;
}

// The codes letterIntake.fieldErrors translates besides REQUIRED, TOO_SHORT and TOO_LONG.
const LETTER_CODES = ["CHOOSE_SENDER", "CHOOSE_CATEGORY", "HOUSE_NUMBER", "POSTCODE", "INVALID_EMAIL", "RECEIPT_DATE_INVALID", "RECEIPT_DATE_IN_FUTURE", "RECEIPT_DATE_TOO_OLD", "SCAN_REQUIRED", "TOO_MANY_FILES", "FILE_TOO_LARGE", "FILE_TYPE_NOT_ALLOWED", "EMPTY_FILE", "CLIENT_NUMBER", "EMAIL_IN_USE", "CLIENT_NUMBER_TAKEN"];

const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";

/** The letter itself: address on it, category, subject, post-stamp date, summary, scan. */
export function LetterIntakeForm({ sender, categories, today }: Props) {
  const t = useTranslations("letterIntake");
  const locale = useLocale();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [done, setDone] = useState<{ ticketId: string; number: string; due: string | null } | null>(null);
  // The inputs' ids, for the summary's link and focus; a missing sender points at the first sender field.
  const idOf = (name: string) => (name === "senderId" ? "letter-name" : `letter-${name}`);
  const { errors, error, reason, pending, run } = useAgentAction("letterIntake", idOf);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const data = new FormData(event.currentTarget);
    data.set("senderMode", sender ? "existing" : "new");
    if (sender) data.set("senderId", sender.id);
    run(
      () => registerLetterAction(data),
      (result) => {
        const due = result.dueAt ? formatDateTime(new Date(result.dueAt), toFormatLocale(locale)) : null;
        setDone({ ticketId: result.ticketId, number: result.number, due });
        form.current?.reset();
        router.refresh();
      },
    );
  }
  const problem = (name: string) => <WorkspaceFieldError id={`letter-${name}`} errors={errors[name]} namespace="letterIntake" extraCodes={LETTER_CODES} />;
  const aria = (name: string, hintId?: string) => fieldAria(`letter-${name}`, errors[name], hintId);
  const input = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div>
      <label htmlFor={`letter-${name}`} className="text-sm font-medium">{label}</label>
      <input id={`letter-${name}`} name={name} className={field} {...aria(name)} {...props} />
      {problem(name)}
    </div>
  );

  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="letter-heading">
      <h2 id="letter-heading" className="text-lg font-semibold">{t("letter")}</h2>
      <WorkspaceRefusal reason={reason} fieldErrors={errors} idOf={idOf} text={error} />
      {done ? (
        <p role="status" className="rounded border border-green-200 bg-green-50 p-2 text-sm text-green-900" data-testid="letter-registered">
          {t("done", { number: done.number, due: done.due ?? "—" })} <Link href={`/agent/tickets/${done.ticketId}`} className="underline">{t("open")}</Link>
        </p>
      ) : null}
      {sender ? null : (
        <fieldset className="space-y-3">
          <legend className="font-semibold">{t("newSender")}</legend>
          <p className="text-sm text-slate-700">{t("newSenderHint")}</p>
          {problem("senderId")}
          {input("name", t("name"), { autoComplete: "off" })}
          {input("email", t("email"), { type: "email", autoComplete: "off" })}
          {input("clientNumber", t("clientNumber"), { autoComplete: "off" })}
        </fieldset>
      )}
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t("address")}</legend>
        <p className="text-sm text-slate-700">{t("addressHint")}</p>
        {input("street", t("street"), { defaultValue: sender?.address?.street ?? "", autoComplete: "off" })}
        <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
          {input("postalCode", t("postalCode"), { defaultValue: sender?.address?.postalCode ?? "", autoComplete: "off" })}
          {input("city", t("city"), { defaultValue: sender?.address?.city ?? "", autoComplete: "off" })}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="letter-categoryKey" className="text-sm font-medium">{t("category")}</label>
          <select id="letter-categoryKey" name="categoryKey" defaultValue="" className={field} {...aria("categoryKey")}>
            <option value="">{t("chooseCategory")}</option>
            {categories.map((c) => (
              <option key={c.key} value={c.key}>{c.name}</option>
            ))}
          </select>
          {problem("categoryKey")}
        </div>
        {input("receivedOn", t("receivedOn"), { type: "date", max: today, defaultValue: today })}
      </div>
      {input("subject", t("subject"), { maxLength: 150 })}
      <div>
        <label htmlFor="letter-summary" className="text-sm font-medium">{t("summary")}</label>
        <textarea id="letter-summary" name="summary" rows={4} maxLength={10_000} className={field} {...aria("summary")} />
        {problem("summary")}
      </div>
      <div>
        <label htmlFor="letter-files" className="text-sm font-medium">{t("scan")}</label>
        <input id="letter-files" name="files" type="file" multiple accept="application/pdf,image/jpeg,image/png" className="mt-1 block text-sm" {...aria("files", "letter-files-hint")} />
        <p id="letter-files-hint" className="mt-1 text-xs text-slate-600">{t("scanHint")}</p>
        {problem("files")}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
