import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffEnrolment } from "@/components/auth/staff-enrolment";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { homePath, safeCallbackPath } from "@/lib/auth/rules";
import { getPendingEnrolment, getSessionUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffEnrol");
  return { title: t("title") };
}

/** Staff must use TOTP: a staff login without it lands here and can do nothing else until enrolled. */
export default async function StaffEnrolmentPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const params = await searchParams;
  const user = await getSessionUser();
  if (user) redirect(safeCallbackPath(params.callbackUrl) ?? homePath(user.role));
  if (!(await getPendingEnrolment())) redirect("/login");
  const t = await getTranslations("staffEnrol");
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="mb-6 flex items-center justify-between">
        <p className="text-2xl font-semibold text-brand-700">Loket</p>
        <LanguageSwitch tone="light" />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        <StaffEnrolment callbackUrl={safeCallbackPath(params.callbackUrl) ?? "/"} />
      </div>
    </main>
  );
}
