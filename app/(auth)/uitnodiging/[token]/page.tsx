import { getTranslations } from "next-intl/server";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { loadPasswordPolicy } from "@/lib/account/queries";
import { checkInvite } from "@/lib/organisations/rules";
import { findInvitation } from "@/lib/organisations/queries";

export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, tw, ts, tr, invite, policy] = await Promise.all([
    getTranslations("werkgeverAuth.invite"),
    getTranslations("werkgever.errors"),
    getTranslations("staffInvite"),
    getTranslations("roles"),
    findInvitation(token),
    loadPasswordPolicy(),
  ]);
  // A staff invitation (no organisation) joins Loket's own workspace, with its role.
  const staff = invite !== null && invite.organisationId === null;
  const refusal = checkInvite(invite, new Date());
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="mb-6 flex items-center justify-between">
        <p className="text-2xl font-semibold text-brand-700">Loket</p>
        <LanguageSwitch tone="light" />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        {refusal || !invite ? (
          <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{tw(refusal ?? "INVITE_INVALID")}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-600">
              {staff
                ? ts("intro", { name: invite.name, role: tr(invite.role), email: invite.email })
                : t("intro", { name: invite.name, organisation: invite.organisation?.name ?? "", email: invite.email })}
            </p>
            {staff ? <p className="mt-2 text-sm text-slate-600">{ts("twoFactor")}</p> : null}
            <AcceptInviteForm token={token} email={invite.email} policy={policy} doneNote={staff ? ts("done") : undefined} />
          </>
        )}
      </div>
    </main>
  );
}
