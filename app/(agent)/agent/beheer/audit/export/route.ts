import { getTranslations } from "next-intl/server";
import { auditCsvHeader, auditCsvStream } from "@/lib/audit-log/csv";
import { openAuditExport } from "@/lib/audit-log/load";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { getSessionUser } from "@/lib/auth/session";

// CSV of the audit log with the page's filters (?person=&ticket=&organisation=&action=&from=&to=),
// streamed in batches so a long log never sits in memory; the export is itself an audit event.
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const url = new URL(request.url);
  const opened = await openAuditExport(user, Object.fromEntries(url.searchParams));
  if (!opened.ok) return new Response(opened.reason, { status: opened.reason === "FORBIDDEN" ? 403 : 400 });
  const t = await getTranslations("auditLog");
  const label = (code: string) => (t.has(`actions.${code}`) ? t(`actions.${code}`) : code);
  const body = auditCsvStream(auditCsvHeader((column) => t(`csvColumns.${column}`)), opened.batches, label);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="loket-audit-${amsterdamDateKey(new Date())}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
