import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SsoButtons } from "@/components/auth/sso-buttons";
import { returnPathFor, safeCallbackPath } from "@/lib/auth/rules";
import { getPendingEnrolment, getPendingTwoFactor, getSessionUser } from "@/lib/auth/session";
import { ssoConfig } from "@/lib/sso/config";

/** next-auth's own OAuth error codes (provider down, state mismatch) read as one SSO failure. */
const loginError = (code: string | undefined) => (code && /^(OAuth|Callback)/.test(code) ? "SSO_FAILED" : (code ?? null));

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const params = await searchParams;
  const user = await getSessionUser();
  if (user) redirect(returnPathFor(params.callbackUrl, user.role));
  // Password checked, second factor (or a staff member's enrolment) still due: continue there.
  const back = safeCallbackPath(params.callbackUrl);
  const query = back ? `?callbackUrl=${encodeURIComponent(back)}` : "";
  if (await getPendingTwoFactor()) redirect(`/login/twee-stappen${query}`);
  if (await getPendingEnrolment()) redirect(`/login/twee-stappen/instellen${query}`);
  const t = await getTranslations();
  const sso = ssoConfig();
  return (
    <AuthFrame title={t("login.title")} intro={t("login.intro")} footer={t("app.tagline")}>
      <LoginForm callbackUrl={safeCallbackPath(params.callbackUrl)} initialError={loginError(params.error)} />
      <SsoButtons staff={sso.staff !== null} citizen={sso.citizen !== null} callbackUrl={safeCallbackPath(params.callbackUrl)} />
    </AuthFrame>
  );
}

export default withPageMessages("app/(auth)/login", LoginPage);
