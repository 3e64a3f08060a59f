"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { fieldAria, focusFirstBad, refusedFields, WorkspaceFieldError, WorkspaceRefusal } from "@/components/agent/field-feedback";
import type { ActionResult } from "@/lib/actions/define";
import { saveComplaintBodyFormAction, setCategoryComplaintBodyFormAction } from "@/lib/complaints/body-actions";

interface Body {
  id: string;
  nameNl: string;
  nameEn: string;
  textNl: string;
  textEn: string;
  isDefault: boolean;
  active: boolean;
}
interface Category {
  id: string;
  nameNl: string;
  nameEn: string;
  complaintBodyId: string | null;
}

const field = "mt-1 w-full rounded border border-slate-400 px-2 py-1";

/** Runs an admin action; shows "saved" or the refusal in the admin's language. */
function useBodyAction(idOf?: (field: string) => string) {
  const t = useTranslations("leadComplaints.bodies");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  function run(action: (input: unknown) => Promise<ActionResult<unknown>>, input: unknown, onDone?: () => void) {
    start(async () => {
      const result = await action(input).catch((): ActionResult<unknown> => ({ ok: false, reason: "UNEXPECTED" }));
      if (result.ok) {
        setMessage({ ok: true, text: t("saved") });
        setReason(null);
        setFieldErrors({});
        onDone?.();
        router.refresh();
        return;
      }
      // Refused fields each show their own error (with its limit) under the one summary.
      const refused = result.fieldErrors ?? {};
      setReason(result.reason);
      setFieldErrors(refused);
      // (A form without field ids, the category's select, keeps its one sentence.)
      if (idOf && refusedFields(result.reason, refused)) {
        setMessage(null);
        focusFirstBad(refused, idOf);
        return;
      }
      setMessage({ ok: false, text: t(`errors.${t.has(`errors.${result.reason}`) ? result.reason : "UNEXPECTED"}`) });
    });
  }
  const note = message ? (
    <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>{message.text}</p>
  ) : null;
  return { pending, run, note, reason, fieldErrors };
}

function BodyForm({ body, prefix }: { body: Body | null; prefix: string }) {
  const t = useTranslations("leadComplaints.bodies");
  const id = (name: string) => `${prefix}-${name}`;
  const { pending, run, note, reason, fieldErrors } = useBodyAction(id);
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        run(
          saveComplaintBodyFormAction,
          {
            id: body?.id,
            nameNl: data.get("nameNl"),
            nameEn: data.get("nameEn"),
            textNl: data.get("textNl"),
            textEn: data.get("textEn"),
            isDefault: data.get("isDefault") === "on",
            active: data.get("active") === "on",
          },
          () => (body ? undefined : form.reset()),
        );
      }}
    >
      <WorkspaceRefusal reason={reason} fieldErrors={fieldErrors} idOf={id} text={null} />
      <div className="grid gap-2 md:grid-cols-2">
        {(["nameNl", "nameEn", "textNl", "textEn"] as const).map((name) => (
          <div key={name}>
            <label htmlFor={id(name)} className="block text-sm font-medium">{t(`fields.${name}`)}</label>
            {name.startsWith("text") ? (
              <textarea id={id(name)} name={name} rows={3} maxLength={2000} defaultValue={body?.[name] ?? ""} className={field} {...fieldAria(id(name), fieldErrors[name])} />
            ) : (
              <input id={id(name)} name={name} maxLength={120} defaultValue={body?.[name] ?? ""} className={field} {...fieldAria(id(name), fieldErrors[name])} />
            )}
            <WorkspaceFieldError id={id(name)} errors={fieldErrors[name]} namespace="leadComplaints.bodies" />
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-1"><input type="checkbox" name="isDefault" defaultChecked={body?.isDefault ?? false} /> {t("fields.isDefault")}</label>
        <label className="flex items-center gap-1"><input type="checkbox" name="active" defaultChecked={body?.active ?? true} /> {t("fields.active")}</label>
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">{body ? t("save") : t("create")}</button>
      </div>
      {note}
    </form>
  );
}

function CategoryBodyForm({ category, bodies }: { category: Category; bodies: Body[] }) {
  const t = useTranslations("leadComplaints.bodies");
  const locale = useLocale();
  const { pending, run, note } = useBodyAction();
  const selectId = `category-body-${category.id}`;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        run(setCategoryComplaintBodyFormAction, { categoryId: category.id, complaintBodyId: new FormData(event.currentTarget).get("complaintBodyId") });
      }}
    >
      <div>
        <label htmlFor={selectId} className="block text-sm font-medium">{locale === "en" ? category.nameEn : category.nameNl}</label>
        <select id={selectId} name="complaintBodyId" defaultValue={category.complaintBodyId ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1">
          <option value="">{t("useDefault")}</option>
          {bodies.filter((b) => b.active || b.id === category.complaintBodyId).map((b) => (
            <option key={b.id} value={b.id}>{locale === "en" ? b.nameEn : b.nameNl}{b.active ? "" : ` (${t("inactive")})`}</option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 disabled:opacity-60">{t("choose")}</button>
      {note}
    </form>
  );
}

/** The beheer section: every external body, a new one, and the body per category. */
export function ComplaintBodies({ bodies, categories }: { bodies: Body[]; categories: Category[] }) {
  const t = useTranslations("leadComplaints.bodies");
  const locale = useLocale();
  return (
    <div className="space-y-6">
      <ul className="space-y-4">
        {bodies.map((body) => (
          <li key={body.id} data-testid="complaint-body" className="rounded border border-slate-200 p-3">
            <p className="mb-2 font-medium">
              {locale === "en" ? body.nameEn : body.nameNl}
              {body.isDefault ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-800">{t("default")}</span> : null}
              {body.active ? null : <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{t("inactive")}</span>}
            </p>
            <BodyForm body={body} prefix={`body-${body.id}`} />
          </li>
        ))}
      </ul>
      <div className="rounded border border-dashed border-slate-300 p-3">
        <h3 className="mb-2 font-medium">{t("new")}</h3>
        <BodyForm body={null} prefix="body-new" />
      </div>
      <div>
        <h3 className="mb-1 font-medium">{t("perCategory")}</h3>
        <p className="mb-3 text-sm text-slate-600">{t("perCategoryIntro")}</p>
        <div className="space-y-3">
          {categories.map((category) => (
            <CategoryBodyForm key={category.id} category={category} bodies={bodies} />
          ))}
        </div>
      </div>
    </div>
  );
}
