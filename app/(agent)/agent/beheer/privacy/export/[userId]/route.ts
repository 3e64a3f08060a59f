import { createFormatter } from "next-intl";
import { getTranslations } from "next-intl/server";
import { intlLocaleOf } from "@/lib/i18n/intl-locale";
import { getSessionUser } from "@/lib/auth/session";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { exportPersonData } from "@/lib/privacy/export";
import { renderPersonDataHtml, type SectionKey } from "@/lib/privacy/export-html";

const SECTIONS: SectionKey[] = ["account", "memberships", "teams", "tickets", "messagesElsewhere", "calls", "appointments", "contactNotes", "complaints", "escalations", "satisfaction", "notifications", "notificationPreferences", "emailChanges", "invitations", "auditEvents"];

// A person's data export for an admin: ?format=json (a download, machine-readable) or ?format=html
// (a readable page to print or save as PDF). Audited as privacy.export.
export async function GET(request: Request, { params }: { params: Promise<{ userId: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "html") return new Response("UNKNOWN_FORMAT", { status: 400 });
  const { userId } = await params;
  const now = new Date();
  const result = await exportPersonData(user, userId, format, now);
  if (!result.ok) return new Response(result.reason, { status: result.reason === "FORBIDDEN" ? 403 : 404 });
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "json") {
    return new Response(JSON.stringify(result.data, null, 2), {
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="loket-persoonsgegevens-${userId}-${amsterdamDateKey(now)}.json"` },
    });
  }
  // In the language of the person whose data it is (the page goes to them), not the admin's.
  const locale = result.data.account.locale === "en" ? "en" : "nl";
  const [t, ta] = await Promise.all([getTranslations({ locale, namespace: "personExport" }), getTranslations({ locale, namespace: "auditLog" })]);
  const formatter = createFormatter({ locale: intlLocaleOf(locale), timeZone: "Europe/Amsterdam" });
  const html = renderPersonDataHtml(result.data, {
    locale,
    title: t("title", { name: result.data.account.name }),
    intro: t("intro", { date: formatter.dateTime(now, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" }) }),
    print: t("print"),
    none: t("none"),
    sections: Object.fromEntries(SECTIONS.map((key) => [key, t(`sections.${key}`)])) as Record<SectionKey, string>,
    fields: { messages: t("fields.messages"), attachments: t("fields.attachments"), attempts: t("fields.attempts"), answers: t("fields.answers") },
    // Field names and codes in the reader's words: the page goes to the person whose data it is.
    names: t.raw("names") as Record<string, string>,
    values: { ...flatLabels(ta.raw("actions")), ...(t.raw("values") as Record<string, string>) },
  });
  return new Response(html, { headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

/** Nested labels ({ privacy: { export: "…" } }) as dotted codes ({ "privacy.export": "…" }). */
function flatLabels(node: unknown, prefix = ""): Record<string, string> {
  if (typeof node === "string") return { [prefix]: node };
  if (!node || typeof node !== "object") return {};
  return Object.assign({}, ...Object.entries(node).map(([key, inner]) => flatLabels(inner, prefix ? `${prefix}.${key}` : key)));
}
