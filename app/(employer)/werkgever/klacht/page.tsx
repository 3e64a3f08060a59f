import { getTranslations } from "next-intl/server";
import { EmployerComplaintForm } from "@/components/werkgever/complaint-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";

export default async function ComplaintPage({ searchParams }: { searchParams: Promise<{ nummer?: string }> }) {
  await requirePermission("employer.complaint.file", "/werkgever/klacht");
  const number = (await searchParams).nummer;
  const t = await getTranslations("werkgever.complaint");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <EmployerComplaintForm defaultNumber={number && /^LK-\d{4}-\d{6,}$/.test(number) ? number : undefined} />
    </>
  );
}
