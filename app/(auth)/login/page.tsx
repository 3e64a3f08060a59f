import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { homePath, safeCallbackPath } from "@/lib/auth/rules";
import { getPendingEnrolment, getPendingTwoFactor, getSessionUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const params = await searchParams;
  const user = await getSessionUser();
  if (user) redirect(safeCallbackPath(params.callbackUrl) ?? homePath(user.role));
  // Password checked, second factor (or a staff member's enrolment) still due: continue there.
  const back = safeCallbackPath(params.callbackUrl);
  const query = back ? `?callbackUrl=${encodeURIComponent(back)}` : "";
  if (await getPendingTwoFactor()) redirect(`/login/twee-stappen${query}`);
  if (await getPendingEnrolment()) redirect(`/login/twee-stappen/instellen${query}`);
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="mb-6 flex items-center justify-between">
        <p className="text-2xl font-semibold text-brand-700">Loket</p>
        <LanguageSwitch tone="light" />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{t("login.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("login.intro")}</p>
        <LoginForm callbackUrl={safeCallbackPath(params.callbackUrl)} initialError={params.error ?? null} />
      </div>
      <p className="mt-6 text-center text-sm text-slate-600">{t("app.tagline")}</p>
    </main>
  );
}
