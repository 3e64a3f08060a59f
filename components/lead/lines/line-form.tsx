"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { WorkspaceFieldError, fieldAria } from "@/components/agent/field-feedback";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { createContactLineAction, removeContactLineAction, updateContactLineAction } from "@/lib/lines/actions";
import { LinesMessageLine, useLinesAction } from "./use-lines-action";

const CHANNELS = ["PHONE", "EMAIL", "PORTAL", "CHAT", "LETTER"] as const;
const AUDIENCES = ["BENEFICIARY", "EMPLOYER", "BOTH"] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface LineValues {
  key: string;
  nameNl: string;
  nameEn: string;
  phone: string;
  audience: "BENEFICIARY" | "EMPLOYER" | null;
  channels: string[];
  active: boolean;
}

function fieldsOf(form: FormData) {
  return {
    nameNl: String(form.get("nameNl") ?? ""),
    nameEn: String(form.get("nameEn") ?? ""),
    phone: String(form.get("phone") ?? ""),
    audience: form.get("audience"),
    channels: form.getAll("channels").map(String),
    active: form.get("active") === "on",
  };
}


/** Each field's own error under it, in the lines' words (the name's limit, what to choose). */
function LineFieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <WorkspaceFieldError
      id={id}
      errors={errors}
      namespace="leadLines"
      extraCodes={["NAME_TOO_LONG", "INVALID_PHONE", "CHANNEL_REQUIRED", "INVALID_TIME", "OPENS_BEFORE_CLOSES", "INTERVALS_OVERLAP", "TOO_MANY_INTERVALS"]}
    />
  );
}

function LineFields({ id, line, fieldErrors = {} }: { id: string; line?: LineValues; fieldErrors?: Record<string, string[]> }) {
  const t = useTranslations("leadLines");
  const tc = useTranslations("contactLines.channel");
  const input = "mt-1 w-full rounded border border-slate-400 px-2 py-1";
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div>
        <label htmlFor={`${id}-nameNl`} className="block text-sm font-medium">{t("nameNl")}</label>
        <input id={`${id}-nameNl`} name="nameNl" required maxLength={80} defaultValue={line?.nameNl} {...fieldAria(`${id}-nameNl`, fieldErrors.nameNl)} className={input} />
        <LineFieldError id={`${id}-nameNl`} errors={fieldErrors.nameNl} />
      </div>
      <div>
        <label htmlFor={`${id}-nameEn`} className="block text-sm font-medium">{t("nameEn")}</label>
        <input id={`${id}-nameEn`} name="nameEn" required maxLength={80} defaultValue={line?.nameEn} {...fieldAria(`${id}-nameEn`, fieldErrors.nameEn)} className={input} />
        <LineFieldError id={`${id}-nameEn`} errors={fieldErrors.nameEn} />
      </div>
      <div>
        <label htmlFor={`${id}-phone`} className="block text-sm font-medium">{t("phone")}</label>
        <input id={`${id}-phone`} name="phone" type="tel" maxLength={30} defaultValue={line?.phone} {...fieldAria(`${id}-phone`, fieldErrors.phone, `${id}-phone-hint`)} className={input} />
        <LineFieldError id={`${id}-phone`} errors={fieldErrors.phone} />
        <p id={`${id}-phone-hint`} className="text-xs text-slate-600">{t("phoneHint")}</p>
      </div>
      <div>
        <label htmlFor={`${id}-audience`} className="block text-sm font-medium">{t("audience")}</label>
        <select id={`${id}-audience`} name="audience" defaultValue={line ? (line.audience ?? "BOTH") : "BENEFICIARY"} className={input}>
          {AUDIENCES.map((a) => (
            <option key={a} value={a}>{t(`audiences.${a}`)}</option>
          ))}
        </select>
      </div>
      <fieldset className="sm:col-span-2" aria-invalid={fieldErrors.channels?.length ? true : undefined} aria-describedby={fieldErrors.channels?.length ? `${id}-channels-error` : undefined}>
        <legend className="text-sm font-medium">{t("channels")}</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {CHANNELS.map((c) => (
            <label key={c} className="flex items-center gap-1">
              <input type="checkbox" id={c === CHANNELS[0] ? `${id}-channels` : undefined} name="channels" value={c} defaultChecked={line ? line.channels.includes(c) : c === "PHONE"} />
              {tc(c)}
            </label>
          ))}
        </div>
        <LineFieldError id={`${id}-channels`} errors={fieldErrors.channels} />
      </fieldset>
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="active" defaultChecked={line?.active ?? true} />
        {t("active")}
      </label>
    </div>
  );
}

/** A new line with its name, number, audience, channels and week in one form. */
export function CreateLineForm() {
  const t = useTranslations("leadLines");
  const tw = useTranslations("contactLines.weekdays");
  // A day's hours come back as "days.<index>.hours": the summary links to, and the field shows, that day.
  const idOf = (field: string) => {
    const day = /^days\.(\d)\.hours$/.exec(field);
    return day ? `new-line-hours-${WEEKDAYS[Number(day[1])]}` : `new-line-${field}`;
  };
  const { pending, message, fieldErrors, submit } = useLinesAction(idOf);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={formRef}
      // The app's own messages, in the admin's language, not the browser's bubble.
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const days = WEEKDAYS.map((weekday) => ({ weekday, hours: String(form.get(`hours-${weekday}`) ?? "") }));
        submit(createContactLineAction, { ...fieldsOf(form), days }, () => formRef.current?.reset());
      }}
    >
      <FieldErrorSummary fieldErrors={fieldErrors} idOf={idOf} />
      <LineFields id="new-line" fieldErrors={fieldErrors} />
      <fieldset>
        <legend className="text-sm font-medium">{t("hours")}</legend>
        <p id="new-line-hours-hint" className="text-sm text-slate-600">{t("hoursHint")}</p>
        <div className="mt-2 grid grid-cols-[8rem_1fr] items-center gap-x-3 gap-y-1 text-sm">
          {WEEKDAYS.map((weekday, index) => {
            const id = `new-line-hours-${weekday}`;
            const errors = fieldErrors[`days.${index}.hours`];
            return (
              <div key={weekday} className="contents">
                <label htmlFor={id}>{tw(String(weekday))}</label>
                <div>
                  <input id={id} name={`hours-${weekday}`} maxLength={100} {...fieldAria(id, errors, "new-line-hours-hint")} placeholder={t("closedPlaceholder")} className="max-w-xs rounded border border-slate-400 px-2 py-1 font-mono" />
                  <LineFieldError id={id} errors={errors} />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">{t("add")}</button>
      <LinesMessageLine message={message} />
    </form>
  );
}

/** A line's details; lines other than the two fixed ones can also be removed. */
export function EditLineForm({ line, removable }: { line: LineValues; removable: boolean }) {
  const t = useTranslations("leadLines");
  const idOf = (field: string) => `line-${line.key}-${field}`;
  const { pending, message, fieldErrors, submit } = useLinesAction(idOf);
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit(updateContactLineAction, { key: line.key, ...fieldsOf(new FormData(event.currentTarget)) });
      }}
    >
      <FieldErrorSummary fieldErrors={fieldErrors} idOf={idOf} />
      <LineFields id={`line-${line.key}`} line={line} fieldErrors={fieldErrors} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">{t("save")}</button>
        {removable ? (
          <button type="button" disabled={pending} onClick={() => submit(removeContactLineAction, { key: line.key })} className="rounded border border-red-700 px-3 py-1.5 text-sm text-red-800 disabled:opacity-60">
            {t("remove")}
          </button>
        ) : null}
      </div>
      <LinesMessageLine message={message} />
    </form>
  );
}
