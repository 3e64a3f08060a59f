"use client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/define";
import { resetMailTemplateAction, saveMailTemplateAction } from "@/lib/mail-templates/actions";
import { sampleValues, templateDef, TEMPLATE_LOCALES, type TemplateKey, type TemplateLocale } from "@/lib/mail-templates/registry";
import { formatLimit } from "@/lib/forms/error-code";
import { BODY_MAX, previewTemplate, SUBJECT_MAX, type TemplateProblem } from "@/lib/mail-templates/render";

export interface EditorRow {
  subject: string;
  body: string;
  custom: boolean;
  updatedAt: string | null;
}

type Message = { kind: "ok" | "error"; lines: string[] };

const input = "mt-1 w-full rounded border border-slate-400 px-2 py-1 font-mono text-sm";

/** One e-mail with a tab per language. */
export function MailTemplateCard({ templateKey, rows }: { templateKey: TemplateKey; rows: Record<TemplateLocale, EditorRow> }) {
  const t = useTranslations("mailTemplates");
  const [active, setActive] = useState<TemplateLocale>("nl");
  const [message, setMessage] = useState<Message | null>(null);
  const base = `tpl-${templateKey.replace(/\./g, "-")}`;
  const row = rows[active];
  return (
    <section aria-labelledby={`${base}-title`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid={`template-${templateKey}`}>
      <h2 id={`${base}-title`} className="text-lg font-semibold">{t(`templates.${templateKey}.title` as "title")}</h2>
      <p className="mb-3 mt-1 text-sm text-slate-600">{t(`templates.${templateKey}.description` as "title")}</p>
      <div role="tablist" aria-label={t("languages")} className="mb-3 flex gap-1 border-b border-slate-200">
        {TEMPLATE_LOCALES.map((locale) => (
          <button
            key={locale}
            id={`${base}-tab-${locale}`}
            type="button"
            role="tab"
            aria-selected={locale === active}
            aria-controls={`${base}-panel`}
            onClick={() => {
              setActive(locale);
              setMessage(null);
            }}
            className={
              locale === active
                ? "-mb-px rounded-t border border-b-white border-slate-200 bg-white px-3 py-1.5 text-sm font-medium"
                : "px-3 py-1.5 text-sm text-slate-700 hover:text-slate-900"
            }
          >
            {t(`locale.${locale}`)} · {rows[locale].custom ? t("custom") : t("builtIn")}
          </button>
        ))}
      </div>
      <div id={`${base}-panel`} role="tabpanel" aria-labelledby={`${base}-tab-${active}`}>
        {/* Remounts after a save or reset, so the fields show what is stored now. */}
        <TemplateEditor key={`${active}-${row.updatedAt ?? "default"}`} templateKey={templateKey} locale={active} row={row} idBase={`${base}-${active}`} onMessage={setMessage} />
        {message ? (
          <div role={message.kind === "error" ? "alert" : "status"} className={`mt-3 rounded border px-3 py-2 text-sm ${message.kind === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-green-300 bg-green-50 text-green-900"}`}>
            {message.lines.length === 1 ? message.lines[0] : (
              <ul className="list-disc pl-5">
                {message.lines.map((line) => <li key={line}>{line}</li>)}
              </ul>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function TemplateEditor({
  templateKey,
  locale,
  row,
  idBase,
  onMessage,
}: {
  templateKey: TemplateKey;
  locale: TemplateLocale;
  row: EditorRow;
  idBase: string;
  onMessage: (message: Message | null) => void;
}) {
  const t = useTranslations("mailTemplates");
  const [subject, setSubject] = useState(row.subject);
  const [body, setBody] = useState(row.body);
  const [pending, start] = useTransition();
  const [ask, confirmDialog] = useConfirm();
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<"subject" | "body">("body");
  const def = templateDef(templateKey);
  const { mail, problems } = previewTemplate(templateKey, { subject, body }, sampleValues(templateKey, locale));
  const pageLocale = useLocale();

  const describe = (problem: Pick<TemplateProblem, "code" | "field" | "placeholder">) =>
    t(`errors.${problem.code}`, {
      field: t(`fields.${problem.field}`),
      placeholder: problem.code === "TEMPLATE_SYNTAX" ? (problem.placeholder ?? "") : `{${problem.placeholder ?? ""}}`,
      voorbeeld: "{naam}",
      // A too long field names its own limit, the one the check uses ("hoogstens 5.000 tekens").
      limit: formatLimit(problem.field === "subject" ? SUBJECT_MAX : BODY_MAX, pageLocale),
    });

  function insert(name: string) {
    const token = `{${name}}`;
    const field = lastField.current === "subject" ? subjectRef.current : bodyRef.current;
    const value = lastField.current === "subject" ? subject : body;
    const from = field?.selectionStart ?? value.length;
    const to = field?.selectionEnd ?? value.length;
    const next = value.slice(0, from) + token + value.slice(to);
    if (lastField.current === "subject") setSubject(next);
    else setBody(next);
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(from + token.length, from + token.length);
    });
  }

  function refusal(result: Extract<ActionResult<undefined>, { ok: false }>): Message {
    const lines = Object.entries(result.fieldErrors ?? {}).flatMap(([field, codes]) =>
      codes
        .filter((entry) => entry.startsWith("TEMPLATE_"))
        .map((entry) => {
          const [code, ...rest] = entry.split(":");
          return describe({ code: code as TemplateProblem["code"], field: field === "subject" ? "subject" : "body", placeholder: rest.join(":") || undefined });
        }),
    );
    if (lines.length > 0) return { kind: "error", lines };
    const known = ["NOT_FOUND", "FORBIDDEN", "INVALID_INPUT"].includes(result.reason) ? result.reason : "UNEXPECTED";
    return { kind: "error", lines: [t(`errors.${known}` as "errors.UNEXPECTED")] };
  }

  function save() {
    onMessage(null);
    start(async () => {
      const result = await saveMailTemplateAction({ key: templateKey, locale, subject, body }).catch((): ActionResult<undefined> => ({ ok: false, reason: "UNEXPECTED" }));
      onMessage(result.ok ? { kind: "ok", lines: [t("saved")] } : refusal(result));
    });
  }

  async function reset() {
    if (!(await ask(t("resetConfirm")))) return;
    onMessage(null);
    start(async () => {
      const result = await resetMailTemplateAction({ key: templateKey, locale }).catch((): ActionResult<undefined> => ({ ok: false, reason: "UNEXPECTED" }));
      if (result.ok) {
        const fallback = def.defaults[locale];
        setSubject(fallback.subject);
        setBody(fallback.body);
      }
      onMessage(result.ok ? { kind: "ok", lines: [t("resetDone")] } : refusal(result));
    });
  }

  return (
    <div className="grid gap-5 lg:grid-cols-2">
      {confirmDialog}
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div>
          <label htmlFor={`${idBase}-subject`} className="block text-sm font-medium">{t("subject")}</label>
          <input
            ref={subjectRef}
            id={`${idBase}-subject`}
            name="subject"
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            onFocus={() => (lastField.current = "subject")}
            aria-describedby={def.threaded ? `${idBase}-threaded` : undefined}
            className={input}
          />
          {def.threaded ? <p id={`${idBase}-threaded`} className="mt-1 text-xs text-slate-600">{t("threadedNote")}</p> : null}
        </div>
        <div>
          <label htmlFor={`${idBase}-body`} className="block text-sm font-medium">{t("body")}</label>
          <textarea
            ref={bodyRef}
            id={`${idBase}-body`}
            name="body"
            rows={9}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onFocus={() => (lastField.current = "body")}
            className={input}
          />
        </div>
        <div>
          <h3 className="text-sm font-medium">{t("placeholders")}</h3>
          <p className="text-xs text-slate-600">{t("placeholdersIntro")}</p>
          <ul className="mt-1 space-y-1">
            {def.placeholders.map((ph) => (
              <li key={ph.name} className="flex flex-wrap items-baseline gap-2 text-sm">
                <button
                  type="button"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => insert(ph.name)}
                  aria-label={t("insert", { placeholder: `{${ph.name}}` })}
                  className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs hover:bg-slate-100"
                >
                  {`{${ph.name}}`}
                </button>
                <span className="text-slate-700">{t(`placeholderNames.${ph.name}` as "title")}</span>
                {ph.required ? <span className="text-xs font-medium text-amber-900">({t("required")})</span> : null}
              </li>
            ))}
          </ul>
        </div>
        {problems.length > 0 ? (
          <div className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="template-problems">
            <p className="font-medium">{t("problems")}</p>
            <ul className="list-disc pl-5">
              {problems.map((problem) => <li key={`${problem.field}-${problem.code}-${problem.placeholder ?? ""}`}>{describe(problem)}</li>)}
            </ul>
          </div>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            {pending ? t("saving") : t("save")}
          </button>
          {row.custom ? (
            <button type="button" disabled={pending} onClick={reset} className="rounded border border-slate-400 px-3 py-1.5 text-sm disabled:opacity-60">
              {t("reset")}
            </button>
          ) : null}
        </div>
      </form>
      <div>
        <h3 className="text-sm font-medium">{t("preview")}</h3>
        <div className="mt-1 rounded border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="template-preview">
          <p>
            <span className="font-medium">{t("previewSubject")}</span> {mail.subject}
          </p>
          <hr className="my-2 border-slate-200" />
          <p className="whitespace-pre-wrap break-words">{mail.text}</p>
        </div>
      </div>
    </div>
  );
}
