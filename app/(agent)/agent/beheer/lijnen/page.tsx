import { withPageMessages } from "@/components/layout/place-messages";
import { getLocale, getTranslations } from "next-intl/server";
import { ChatSettingsForm, ChatTopicsForm } from "@/components/lead/lines/chat-settings-form";
import { LineClosureDays } from "@/components/lead/lines/line-closure-days";
import { CreateLineForm, EditLineForm } from "@/components/lead/lines/line-form";
import { OpeningHoursForm } from "@/components/lead/settings/opening-hours-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getChatAdmin } from "@/lib/chat/queries";
import type { IsoWeekday } from "@/lib/calendar/opening-hours";
import { db } from "@/lib/db/client";
import { listLinesForAdmin } from "@/lib/lines/queries";
import { formatDayHours, isFixedLine } from "@/lib/lines/rules";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.lines");

export const dynamic = "force-dynamic";

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

async function LinesPage() {
  await requirePermission("settings.manage", "/agent/beheer/lijnen");
  const [t, tc, locale, lines, chat] = await Promise.all([getTranslations("leadLines"), getTranslations("chatAdmin"), getLocale(), listLinesForAdmin(db, new Date()), getChatAdmin()]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="space-y-6">
        {lines.map((line) => {
          const name = locale === "en" ? line.nameEn : line.nameNl;
          return (
            <section key={line.key} aria-labelledby={`line-${line.key}-title`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid={`admin-line-${line.key}`}>
              <h2 id={`line-${line.key}-title`} className="text-lg font-semibold">{name}</h2>
              <p className="mb-3 text-sm text-slate-600">
                {t("key", { key: line.key })}
                {line.active ? "" : ` · ${t("inactive")}`}
                {isFixedLine(line.key) ? ` · ${t("fixed")}` : ""}
                {line.usedBySla ? ` · ${t("usedBySla")}` : ""}
              </p>
              <div className="grid gap-6 lg:grid-cols-2">
                <EditLineForm
                  line={{ key: line.key, nameNl: line.nameNl, nameEn: line.nameEn, phone: line.phone, audience: line.audience, channels: line.channels, active: line.active }}
                  removable={!isFixedLine(line.key) && !line.usedBySla}
                />
                <OpeningHoursForm line={line.key} lineName={name} days={WEEKDAYS.map((weekday) => ({ weekday, hours: formatDayHours(line.schedule[weekday]) }))} />
              </div>
              <h3 className="mt-5 font-medium">{t("closures")}</h3>
              <p className="mb-2 text-sm text-slate-600">{t("closuresIntro")}</p>
              <LineClosureDays lineKey={line.key} days={line.closures} />
            </section>
          );
        })}
        <section aria-labelledby="chat-settings-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="admin-chat-settings">
          <h2 id="chat-settings-title" className="text-lg font-semibold">{tc("title")}</h2>
          <p className="mb-3 text-sm text-slate-600">{tc("intro")}</p>
          <div className="grid gap-6 lg:grid-cols-2">
            <ChatSettingsForm settings={chat.settings} />
            <ChatTopicsForm
              categories={chat.categories.map((c) => ({ key: c.key, name: locale === "en" ? c.nameEn : c.nameNl, portal: tc(`portal.${c.audience ?? "BENEFICIARY"}`), chat: c.chat }))}
            />
          </div>
        </section>
        <section aria-labelledby="new-line-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="new-line-title" className="mb-3 text-lg font-semibold">{t("addTitle")}</h2>
          <CreateLineForm />
        </section>
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/lijnen", LinesPage);
