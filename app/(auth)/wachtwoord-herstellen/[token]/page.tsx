import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { loadPasswordPolicy, resetLinkState } from "@/lib/account/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset"))("resetTitle"), referrer: "no-referrer" };
}

async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, te, state, policy] = await Promise.all([
    getTranslations("passwordReset"),
    getTranslations("accountErrors"),
    resetLinkState(token, new Date()),
    loadPasswordPolicy(),
  ]);
  if (!state.ok) {
    return (
      <AuthFrame title={t("resetTitle")}>
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{te(state.reason)}</p>
        <p className="mt-4 flex flex-wrap gap-4 text-sm">
          <a href="/wachtwoord-vergeten" className="font-medium">{t("requestNew")}</a>
          <a href="/login">{t("backToLogin")}</a>
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={t("resetTitle")} intro={t("resetIntro", { email: state.email })}>
      <ResetPasswordForm token={token} email={state.email} policy={policy} />
      <p className="mt-4 text-sm text-slate-600">{t("secondFactor")}</p>
    </AuthFrame>
  );
}

export default withPageMessages("app/(auth)/wachtwoord-herstellen/[token]", ResetPasswordPage);
