import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import type { AuditRow } from "@/lib/audit-log/queries";
import { summariseData } from "@/lib/audit-log/rules";

/** One page of audit events: time (absolute and relative), who, what, about what, and the event's ids and codes. */
export async function AuditTable({ rows, now, personHref }: { rows: AuditRow[]; now: Date; personHref: (email: string) => string }) {
  const [t, format] = await Promise.all([getTranslations("auditLog"), getFormatter()]);
  if (rows.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  const label = (code: string) => (t.has(`actions.${code}`) ? t(`actions.${code}`) : code);
  // "Instelling", not "Setting": the export already reads these labels.
  const entityLabel = (type: string) => (t.has(`entityTypes.${type}`) ? t(`entityTypes.${type}`) : type);
  // Someone registered from a letter may have no e-mail address: the filter finds them by name.
  const person = (p: { name: string; email: string | null } | null, id: string | null) =>
    p ? (
      <>
        <a href={personHref(p.email ?? p.name)} className="font-medium">{p.name}</a>
        {p.email ? <span className="block break-all text-slate-600">{p.email}</span> : null}
      </>
    ) : id ? (
      t("unknownUser", { id })
    ) : (
      <span className="text-slate-600">{t("system")}</span>
    );
  return (
    <DataTable
      caption={t("listTitle")}
      testId="audit-table"
      columns={[
        { label: t("columns.time") },
        { label: t("columns.actor") },
        { label: t("columns.action") },
        { label: t("columns.entity") },
        { label: t("columns.ticket") },
        { label: t("columns.organisation") },
        { label: t("columns.data") },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} data-testid="audit-row" data-action={row.action} className="border-t border-slate-100 align-top">
          <td className="whitespace-nowrap px-3 py-2">
            <time dateTime={row.createdAt.toISOString()}>{format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/Amsterdam" })}</time>
            <span className="block text-slate-600">{format.relativeTime(row.createdAt, now)}</span>
          </td>
          <td className="px-3 py-2">{person(row.actor, row.actorId)}</td>
          <td className="px-3 py-2">
            {label(row.action)}
            <span className="block font-mono text-xs text-slate-600">{row.action}</span>
          </td>
          <td className="px-3 py-2">
            {row.entityPerson ? person(row.entityPerson, row.entityId) : row.entityType === "Organisation" && row.organisation ? row.organisation.name : entityLabel(row.entityType)}
            {row.entityId && !row.entityPerson ? <span className="block break-all font-mono text-xs text-slate-600">{row.entityId}</span> : null}
          </td>
          <td className="whitespace-nowrap px-3 py-2">
            {row.ticketId && row.ticketNumber ? <a href={`/agent/tickets/${row.ticketId}`}>{row.ticketNumber}</a> : (row.ticketId ?? "—")}
          </td>
          <td className="px-3 py-2">
            {row.organisation ? (
              <>
                {row.organisation.name}
                <span className="block text-slate-600">{row.organisation.externalNumber}</span>
              </>
            ) : (
              (row.organisationId ?? "—")
            )}
          </td>
          <td className="max-w-xs px-3 py-2">
            <code className="break-all text-xs">{summariseData(row.data)}</code>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
