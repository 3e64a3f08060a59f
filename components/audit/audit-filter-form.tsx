import { getTranslations } from "next-intl/server";

export interface AuditFilterValues {
  person?: string;
  ticket?: string;
  organisation?: string;
  action?: string;
  from?: string;
  to?: string;
}

const input = "mt-1 w-full rounded border border-slate-400 px-2 py-1";

/** A plain GET form: the filter lives in the URL, so a filtered view can be bookmarked and shared between admins. */
export async function AuditFilterForm({ values, actions, error }: { values: AuditFilterValues; actions: { code: string; label: string }[]; error: string | null }) {
  const t = await getTranslations("auditLog");
  const field = (name: "person" | "ticket" | "organisation", hint: string) => (
    <div>
      <label htmlFor={`audit-${name}`} className="block text-sm font-medium">{t(name)}</label>
      <input id={`audit-${name}`} name={name} type="search" defaultValue={values[name] ?? ""} maxLength={200} aria-describedby={`audit-${name}-hint`} className={input} />
      <p id={`audit-${name}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p>
    </div>
  );
  return (
    <form method="get" role="search" aria-label={t("filters")} className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3" aria-describedby={error ? "audit-filter-error" : undefined}>
      {field("person", t("personHint"))}
      {field("ticket", t("ticketHint"))}
      {field("organisation", t("organisationHint"))}
      <div>
        <label htmlFor="audit-action" className="block text-sm font-medium">{t("action")}</label>
        <select id="audit-action" name="action" defaultValue={values.action ?? ""} className={input}>
          <option value="">{t("allActions")}</option>
          {actions.map((a) => (
            <option key={a.code} value={a.code}>{a.label === a.code ? a.code : `${a.label} (${a.code})`}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-from" className="block text-sm font-medium">{t("from")}</label>
        <input id="audit-from" name="from" type="date" defaultValue={values.from ?? ""} aria-invalid={error ? true : undefined} className={input} />
      </div>
      <div>
        <label htmlFor="audit-to" className="block text-sm font-medium">{t("to")}</label>
        <input id="audit-to" name="to" type="date" defaultValue={values.to ?? ""} aria-invalid={error ? true : undefined} className={input} />
      </div>
      {error ? (
        <p id="audit-filter-error" role="alert" className="text-sm text-red-800 sm:col-span-2 lg:col-span-3">{error}</p>
      ) : null}
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-3">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("apply")}</button>
        <a href="/agent/beheer/audit" className="text-sm">{t("reset")}</a>
      </div>
    </form>
  );
}
