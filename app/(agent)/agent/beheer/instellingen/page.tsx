import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AttemptTimingForm } from "@/components/lead/settings/attempt-timing-form";
import { BrandForm } from "@/components/lead/settings/brand-form";
import { ClosureDays } from "@/components/lead/settings/closure-days";
import { HolidayForm } from "@/components/lead/settings/holiday-form";
import { KpiTargetsForm } from "@/components/lead/settings/kpi-targets-form";
import { PasswordPolicyForm } from "@/components/lead/settings/password-policy-form";
import { SlaPolicyForm, SlotCapacityForm } from "@/components/lead/settings/sla-capacity-forms";
import { ComplaintBodies } from "@/components/lead/complaints/complaint-body-forms";
import { PageHeader } from "@/components/ui/page-header";
import { ExpirySettingForm } from "@/components/urgent/expiry-setting-form";
import { UrgentWordsForm } from "@/components/urgent/urgent-words-form";
import { requirePermission } from "@/lib/auth/session";
import { getBrand } from "@/lib/brand/queries";
import { logoUrl } from "@/lib/brand/rules";
import { getAttemptTiming } from "@/lib/callbacks/attempt-settings";
import { KPI_TARGET_KEYS, targetFormValue } from "@/lib/kpi/targets";
import { getKpiTargets } from "@/lib/kpi/targets-settings";
import { loadSettingsOverview } from "@/lib/settings/overview";
import { loadComplaintBodyAdmin } from "@/lib/complaints/bodies";
import { db } from "@/lib/db/client";
import { getPreAnnouncementExpiry, getUrgentWords } from "@/lib/urgent/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.settings");

export const dynamic = "force-dynamic";

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      {intro ? <p className="mb-3 mt-1 text-sm text-slate-600">{intro}</p> : <div className="mb-3" />}
      {children}
    </section>
  );
}

async function SettingsPage() {
  await requirePermission("settings.manage", "/agent/beheer/instellingen");
  const [t, tp, locale, settings] = await Promise.all([getTranslations("leadSettings"), getTranslations("passwordPolicySettings"), getLocale(), loadSettingsOverview()]);
  const attemptTiming = await getAttemptTiming(db);
  const [tu, urgentWords] = await Promise.all([getTranslations("urgentWords"), getUrgentWords(db)]);
  const [te, expiry] = await Promise.all([getTranslations("urgentExpiry"), getPreAnnouncementExpiry(db)]);
  const complaintBodies = await loadComplaintBodyAdmin(db);
  const [tk, kpiTargets] = await Promise.all([getTranslations("kpiTargets"), getKpiTargets(db)]);
  const [tb, brand] = await Promise.all([getTranslations("brandSettings"), getBrand(db)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="space-y-6">
        <Section id="brand" title={tb("section")} intro={tb("intro")}>
          <BrandForm brand={{ name: brand.name, primaryColor: brand.primaryColor, secondaryColor: brand.secondaryColor, logoUrl: logoUrl(brand), custom: brand.custom }} />
        </Section>
        <Section id="hours" title={t("sections.hours")} intro={t("sections.hoursIntro")}>
          <p className="text-sm">
            <Link href="/agent/beheer/lijnen">{t("sections.linesLink", { count: settings.lineCount })}</Link>
          </p>
        </Section>
        <Section id="holidays" title={t("sections.holidays")} intro={t("sections.holidaysIntro")}>
          <HolidayForm goodFriday={settings.calendar.goodFriday} liberationDay={settings.calendar.liberationDay} />
        </Section>
        <Section id="closure" title={t("sections.closure")} intro={t("sections.closureIntro")}>
          <ClosureDays days={settings.closureDays} />
        </Section>
        <Section id="sla" title={t("sections.sla")} intro={t("sections.slaIntro")}>
          <div className="space-y-3">
            {settings.policies.map((p) => (
              <SlaPolicyForm key={p.key} policy={{ ...p, name: locale === "en" ? p.nameEn : p.nameNl }} lines={settings.contactLines.map((l) => ({ key: l.key, name: locale === "en" ? l.nameEn : l.nameNl }))} />
            ))}
          </div>
        </Section>
        <Section id="urgent-words" title={tu("heading")} intro={tu("intro")}>
          <UrgentWordsForm words={urgentWords} />
        </Section>
        <Section id="urgent-expiry" title={te("heading")} intro={te("intro")}>
          <ExpirySettingForm lineKey={expiry.lineKey} openDays={expiry.openDays} lines={settings.contactLines.map((l) => ({ key: l.key, name: locale === "en" ? l.nameEn : l.nameNl }))} />
        </Section>
        <Section id="capacity" title={t("sections.capacity")} intro={t("sections.capacityIntro")}>
          <div className="space-y-3">
            {settings.teams.map((team) => (
              <SlotCapacityForm key={team.id} team={team} />
            ))}
          </div>
        </Section>
        <Section id="attempts" title={t("sections.attempts")} intro={t("sections.attemptsIntro")}>
          <AttemptTimingForm timing={attemptTiming} />
        </Section>
        <Section id="external" title={t("sections.external")} intro={t("sections.externalIntro")}>
          <ComplaintBodies bodies={complaintBodies.bodies} categories={complaintBodies.categories} />
        </Section>
        <Section id="kpi-targets" title={tk("section")} intro={tk("intro")}>
          <KpiTargetsForm values={Object.fromEntries(KPI_TARGET_KEYS.map((key) => [key, targetFormValue(key, kpiTargets[key])])) as Record<(typeof KPI_TARGET_KEYS)[number], string>} />
        </Section>
        <Section id="password-policy" title={tp("section")} intro={tp("intro")}>
          <PasswordPolicyForm policy={settings.passwordPolicy} />
        </Section>
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/instellingen", SettingsPage);
