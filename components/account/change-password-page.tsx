import { getTranslations } from "next-intl/server";
import { CitizenLink } from "@/components/sso/citizen-link";
import { PageHeader } from "@/components/ui/page-header";
import { loadPasswordPolicy } from "@/lib/account/queries";
import { requirePlaceUser } from "@/lib/auth/place";
import type { Place } from "@/lib/auth/rules";
import { formatDateTime } from "@/lib/calendar/format";
import { ssoConfig } from "@/lib/sso/config";
import { citizenLinkOf } from "@/lib/sso/queries";
import { ChangePasswordForm } from "./change-password-form";
import { EmailChangeForm } from "./email-change-form";
import { LogoutEverywhere } from "./logout-everywhere";

/** The change-password page of one place; each place's route renders this inside its own frame. */
export async function ChangePasswordPage({ place }: { place: Place }) {
  const user = await requirePlaceUser(place, `/${place}/wachtwoord`);
  const [t, policy] = await Promise.all([getTranslations("passwordChange"), loadPasswordPolicy()]);
  // DigiD / eHerkenning through the broker, when one is configured: citizens and employer contacts only.
  const linkable = ssoConfig().citizen !== null && (user.role === "BENEFICIARY" || user.role === "EMPLOYER_CONTACT");
  const linkedOn = linkable ? await citizenLinkOf(user.id) : null;
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ChangePasswordForm policy={policy} email={user.email} />
      </div>
      <div className="mt-8 max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <EmailChangeForm email={user.email} />
      </div>
      {linkable ? <CitizenLink employer={user.role === "EMPLOYER_CONTACT"} linkedOn={linkedOn ? formatDateTime(linkedOn, user.locale) : null} returnPath={`/${place}/wachtwoord`} /> : null}
      <LogoutEverywhere />
    </>
  );
}
