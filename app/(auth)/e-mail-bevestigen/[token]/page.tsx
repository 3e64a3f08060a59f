import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConfirmEmailChange } from "@/components/account/email-change-form";
import { AuthFrame } from "@/components/auth/auth-frame";
import { emailChangeLinkState } from "@/lib/account/email-change";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // The token is in the address: never send it on as a referrer.
  return { title: (await getTranslations("peopleEmail"))("confirmTitle"), referrer: "no-referrer" };
}

/** Public: the link may be opened signed out or on another device; the token is the credential. */
async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, te, state] = await Promise.all([getTranslations("peopleEmail"), getTranslations("peopleEmail.errors"), emailChangeLinkState(token, new Date())]);
  if (!state.ok) {
    return (
      <AuthFrame title={t("confirmTitle")}>
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{te(state.reason)}</p>
        <p className="mt-4 text-sm"><a href="/login">{t("toLogin")}</a></p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={t("confirmTitle")} intro={t("confirmIntro", { email: state.email })}>
      <ConfirmEmailChange token={token} />
    </AuthFrame>
  );
}

export default withPageMessages("app/(auth)/e-mail-bevestigen/[token]", ConfirmEmailPage);
