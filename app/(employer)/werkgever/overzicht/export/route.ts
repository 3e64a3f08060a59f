import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { overviewCsvFor } from "@/lib/employer-service/export";
import { parsePeriod } from "@/lib/employer-service/period";
import { parseFilters } from "@/lib/employer-service/rules";
import { csvHeaders } from "@/lib/util/csv";

// The overview's filtered list as CSV: ?van=YYYY-MM-DD&tot=YYYY-MM-DD&zoek=&categorie=&status=&termijn=
// Scoped like the page (the contact's organisation, HR-desk conversations only for HR professionals).
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "employer.ticket.read")) return new Response("FORBIDDEN", { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const now = new Date();
  const parsed = parsePeriod({ van: params.van, tot: params.tot }, now);
  const [t, tr, locale] = await Promise.all([getTranslations("serviceOverview"), getTranslations(), getLocale()]);
  // A download link typed or kept with a bad period: the page's own sentence, not a code.
  if (!parsed.ok) return new Response(t(`period.errors.${parsed.error}`), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { csv, cut } = await overviewCsvFor(user, parsed.period, parseFilters(params), now, {
    locale: locale === "en" ? "en" : "nl",
    status: (r) => (r.complaintStatus ? tr(`complaintStatus.${r.complaintStatus}`) : tr(`status.${r.status}`)),
    columns: {
      number: t("csv.number"),
      subject: t("csv.subject"),
      category: t("csv.category"),
      status: t("csv.status"),
      requester: t("csv.requester"),
      createdAt: t("csv.createdAt"),
      dueAt: t("csv.dueAt"),
      answeredAt: t("csv.answeredAt"),
      timing: t("csv.timing"),
    },
    timing: (timing) => t(`timing.${timing}`),
  });
  return new Response(csv, {
    // More questions than one file holds: the newest EXPORT_LIMIT are in it; narrow the period.
    headers: csvHeaders(`loket-vragen-${parsed.keys.from}-${parsed.keys.to}.csv`, cut ? { "X-Loket-Truncated": "true" } : {}),
  });
}
