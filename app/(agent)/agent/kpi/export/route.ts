import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { loadKpisFor } from "@/lib/kpi/load";
import { contactReasonCsv } from "@/lib/kpi/contact-reason-csv";
import { toCsv } from "@/lib/kpi/rules";
import { escalationRows, satisfactionRows, summaryRows } from "@/lib/kpi/view";

// CSV export of one KPI table: ?table=summary|satisfaction|contactReasons|escalations&from=YYYY-MM-DD&to=YYYY-MM-DD
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "kpi.read")) return new Response("FORBIDDEN", { status: 403 });
  const url = new URL(request.url);
  const data = await loadKpisFor(user, { from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined }, new Date());
  if (!data.ok) return new Response(data.reason, { status: data.reason === "FORBIDDEN" ? 403 : 400 });
  const t = await getTranslations("leadKpi");
  const table = url.searchParams.get("table") ?? "summary";
  let csv: string;
  if (table === "summary") {
    csv = toCsv(
      ["kpi", "detail", "numerator", "denominator", "value", "target", "verdict"],
      summaryRows(data.report, data.targets).map((r) => [t(`names.${r.key}`), r.detail ?? "", r.hit, r.total, r.value, r.target, r.verdict]),
    );
  } else if (table === "satisfaction") {
    csv = toCsv(["group", "name", "satisfied", "responses", "share"], satisfactionRows(data.report, data.targets).map((s) => [s.group, s.name, s.row.hit, s.row.total, s.row.value]));
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
    csv = toCsv(["tier", "under_1_day", "1_to_3_days", "3_to_7_days", "over_7_days"], escalationRows(data.report).map((r) => [r.tier, ...r.counts]));
  } else {
    return new Response("Unknown table", { status: 400 });
  }
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="loket-kpi-${table}-${data.from}-${data.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
