import { withPageMessages } from "@/components/layout/place-messages";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TwoFactorForm } from "@/components/auth/two-factor-form";
import { AuthFrame } from "@/components/auth/auth-frame";
import { returnPathFor, safeCallbackPath } from "@/lib/auth/rules";
import { currentToken, getPendingEnrolment, getPendingTwoFactor, getSessionUser } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("auth.twoFactor");

export const dynamic = "force-dynamic";

async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const params = await searchParams;
  const user = await getSessionUser();
  if (user) redirect(returnPathFor(params.callbackUrl, user.role));
  const pending = await getPendingTwoFactor();
  if (!pending) {
    const back = safeCallbackPath(params.callbackUrl);
    if (await getPendingEnrolment()) redirect(`/login/twee-stappen/instellen${back ? `?callbackUrl=${encodeURIComponent(back)}` : ""}`);
    // A code step that ended (expired, or too many wrong codes): say so on the login page.
    const ended = (await currentToken())?.tfa === "pending";
    const query = new URLSearchParams({ ...(ended ? { error: "SESSION_EXPIRED" } : {}), ...(back ? { callbackUrl: back } : {}) }).toString();
    redirect(query ? `/login?${query}` : "/login");
  }
  const t = await getTranslations("werkgeverAuth.twoFactor");
  return (
    <AuthFrame title={t("title")} intro={t(pending.method === "MAIL" ? "introMail" : "introTotp")}>
      <TwoFactorForm method={pending.method} callbackUrl={safeCallbackPath(params.callbackUrl) ?? "/"} />
    </AuthFrame>
  );
}

export default withPageMessages("app/(auth)/login/twee-stappen", TwoFactorPage);
