import { getFormatter, getTranslations } from "next-intl/server";
import { HrDeskForm } from "@/components/werkgever/hr-desk-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listHrDeskSlots } from "@/lib/employer/hr-desk";

export default async function HrDeskPage() {
  await requirePermission("employer.hrdesk.use", "/werkgever/hr-desk");
  const [t, format, slots] = await Promise.all([getTranslations("werkgever.hrDesk"), getFormatter(), listHrDeskSlots(new Date())]);
  const options = slots.map((s) => ({
    key: s.key,
    label: `${format.dateTime(s.startsAt, { weekday: "long", day: "numeric", month: "long" })}, ${t(`slotKind.${s.kind}`)}`,
  }));
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {options.length === 0 ? <p className="text-slate-700">{t("noSlots")}</p> : <HrDeskForm slots={options} />}
    </>
  );
}
