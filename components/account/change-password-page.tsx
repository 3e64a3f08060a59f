import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { loadPasswordPolicy } from "@/lib/account/queries";
import { requirePlaceUser } from "@/lib/auth/place";
import type { Place } from "@/lib/auth/rules";
import { ChangePasswordForm } from "./change-password-form";
import { EmailChangeForm } from "./email-change-form";
import { LogoutEverywhere } from "./logout-everywhere";

/** The change-password page of one place; each place's route renders this inside its own frame. */
export async function ChangePasswordPage({ place }: { place: Place }) {
  const user = await requirePlaceUser(place, `/${place}/wachtwoord`);
  const [t, policy] = await Promise.all([getTranslations("passwordChange"), loadPasswordPolicy()]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ChangePasswordForm policy={policy} email={user.email} />
      </div>
      <div className="mt-8 max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <EmailChangeForm email={user.email} />
      </div>
      <LogoutEverywhere />
    </>
  );
}
