import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { kpiEscalationCsv, kpiSatisfactionCsv, kpiSummaryCsv } from "@/lib/kpi/csv";
import { loadKpisFor } from "@/lib/kpi/load";
import { contactReasonCsv } from "@/lib/kpi/contact-reason-csv";
import { escalationRows, satisfactionRows, summaryRows } from "@/lib/kpi/view";
import { csvHeaders } from "@/lib/util/csv";

// CSV export of one KPI table: ?table=summary|satisfaction|contactReasons|escalations&from=YYYY-MM-DD&to=YYYY-MM-DD
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "kpi.read")) return new Response("FORBIDDEN", { status: 403 });
  const url = new URL(request.url);
  const data = await loadKpisFor(user, { from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined }, new Date());
  if (!data.ok) return new Response(data.reason, { status: data.reason === "FORBIDDEN" ? 403 : 400 });
  const t = await getTranslations("leadKpi");
  // The messages are keyed by the codes the report holds; the CSV builders name them as strings.
  const text = Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), { has: (key: string) => t.has(key as never) });
  const table = url.searchParams.get("table") ?? "summary";
  let csv: string;
  if (table === "summary") {
    csv = kpiSummaryCsv(summaryRows(data.report, data.targets), text);
  } else if (table === "satisfaction") {
    csv = kpiSatisfactionCsv(satisfactionRows(data.report, data.targets), text);
  } else if (table === "contactReasons") {
    if (!data.contactReasons) return new Response("PERIOD_TOO_LONG", { status: 400 });
    const locale = await getLocale();
    csv = contactReasonCsv(data.contactReasons, {
      category: (c) => (locale === "en" ? c.nameEn : c.nameNl),
      channel: (channel) => t(`values.${channel}`),
      allChannels: t("contactReasons.allChannels"),
      allQuestions: t("contactReasons.allQuestions"),
      partial: t("contactReasons.partial"),
      columns: {
        reason: t("contactReasons.reason"),
        channel: t("contactReasons.channel"),
        total: t("contactReasons.current"),
        previous: `${t("contactReasons.previous")} ${data.contactReasons.previous.from} - ${data.contactReasons.previous.to}`,
        change: t("contactReasons.changePercent"),
      },
    });
  } else if (table === "escalations") {
    csv = kpiEscalationCsv(escalationRows(data.report), text);
  } else {
    return new Response("Unknown table", { status: 400 });
  }
  return new Response(csv, { headers: csvHeaders(`loket-kpi-${table}-${data.from}-${data.to}.csv`) });
}
