import { getTranslations } from "next-intl/server";
import { auditCsvHeader, auditCsvStream } from "@/lib/audit-log/csv";
import { openAuditExport } from "@/lib/audit-log/load";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { getSessionUser } from "@/lib/auth/session";
import { csvHeaders } from "@/lib/util/csv";

// CSV of the audit log with the page's filters (?person=&ticket=&organisation=&action=&from=&to=),
// streamed in batches so a long log never sits in memory; the export is itself an audit event.
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const url = new URL(request.url);
  const opened = await openAuditExport(user, Object.fromEntries(url.searchParams));
  if (!opened.ok) return new Response(opened.reason, { status: opened.reason === "FORBIDDEN" ? 403 : 400 });
  const t = await getTranslations("auditLog");
  // A code without a message (an action added later) is shown as it is rather than not at all.
  const labels = {
    action: (code: string) => (t.has(`actions.${code}`) ? t(`actions.${code}`) : code),
    entityType: (code: string) => (t.has(`entityTypes.${code}`) ? t(`entityTypes.${code}`) : code),
  };
  const body = auditCsvStream(auditCsvHeader((column) => t(`csvColumns.${column}`)), opened.batches, labels);
  return new Response(body, { headers: csvHeaders(`loket-audit-${amsterdamDateKey(new Date())}.csv`) });
}
