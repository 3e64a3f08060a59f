import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { AuthFrame } from "@/components/auth/auth-frame";
import { loadPasswordPolicy } from "@/lib/account/queries";
import { checkInvite } from "@/lib/organisations/rules";
import { findInvitation } from "@/lib/organisations/queries";
import { beforeFullStop } from "@/lib/util/sentence";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("auth.invite");

export const dynamic = "force-dynamic";

async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, tw, ts, tb, tr, invite, policy] = await Promise.all([
    getTranslations("werkgeverAuth.invite"),
    getTranslations("werkgever.errors"),
    getTranslations("staffInvite"),
    getTranslations("peopleInvite"),
    getTranslations("roles"),
    findInvitation(token),
    loadPasswordPolicy(),
  ]);
  // A staff invitation (no organisation) joins Loket's own workspace, with its role.
  // A beneficiary's invitation (no organisation either) opens the portal of an account staff made.
  const beneficiary = invite !== null && invite.role === "BENEFICIARY";
  const staff = invite !== null && invite.organisationId === null && !beneficiary;
  const refusal = checkInvite(invite, new Date());
  return (
    <AuthFrame title={t("title")}>
      {refusal || !invite ? (
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{tw(refusal ?? "INVITE_INVALID")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600">
            {beneficiary
              ? tb("intro", { name: invite.name, email: invite.email })
              : staff
                ? ts("intro", { name: invite.name, role: tr(invite.role), email: invite.email })
                : t("intro", { name: invite.name, organisation: beforeFullStop(invite.organisation?.name ?? ""), email: invite.email })}
          </p>
          {staff ? <p className="mt-2 text-sm text-slate-600">{ts("twoFactor")}</p> : null}
          <AcceptInviteForm token={token} email={invite.email} policy={policy} doneNote={staff ? ts("done") : beneficiary ? tb("done") : undefined} />
        </>
      )}
    </AuthFrame>
  );
}

export default withPageMessages("app/(auth)/uitnodiging/[token]", InvitationPage);
