import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset"))("requestTitle") };
}

async function ForgotPasswordPage() {
  const t = await getTranslations("passwordReset");
  return (
    <AuthFrame title={t("requestTitle")} intro={t("requestIntro")}>
      <ForgotPasswordForm />
      <p className="mt-4 text-sm text-slate-600">{t("secondFactor")}</p>
      <p className="mt-4 text-sm">
        <a href="/login">{t("backToLogin")}</a>
      </p>
    </AuthFrame>
  );
}

export default withPageMessages("app/(auth)/wachtwoord-vergeten", ForgotPasswordPage);
