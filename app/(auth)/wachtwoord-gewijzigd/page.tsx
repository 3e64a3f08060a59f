import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordChanged"))("title") };
}

/** Where a password change lands: the session has ended, so this page is public. */
async function PasswordChangedPage() {
  const t = await getTranslations("passwordChanged");
  return (
    <AuthFrame title={t("title")}>
      <p role="status" className="mt-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">{t("body")}</p>
      <p className="mt-4">
        <a href="/login" className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800">{t("toLogin")}</a>
      </p>
    </AuthFrame>
  );
}

export default withPageMessages("app/(auth)/wachtwoord-gewijzigd", PasswordChangedPage);
