"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { useTranslations } from "next-intl";
import { ConfirmButton } from "@/components/ui/confirm-button";

type Outcome = { ok: boolean; reason?: string };

export interface PendingInvitation {
  id: string;
  name: string;
  email: string;
  /** What the page says of it: role or rights, and until when it is valid or since when expired. */
  summary: string;
  expired: boolean;
}

const KNOWN = new Set(["INVITATION_NOT_FOUND", "INVITE_ACCEPTED", "INVITE_WITHDRAWN", "EMAIL_IN_USE", "RATE_LIMITED", "INVALID_INPUT", "FORBIDDEN", "UNAUTHENTICATED", "UNEXPECTED"]);

function InvitationAlert({ reason }: { reason: string | null }) {
  const t = useTranslations("invitations.errors");
  if (!reason) return null;
  return (
    <ErrorNote>{t(KNOWN.has(reason) ? reason : "UNEXPECTED")}</ErrorNote>
  );
}

/**
 * Invitations not accepted yet, for whoever sent them (an organisation's user manager, or an admin
 * for staff): each can be sent again with a new link, or withdrawn.
 */
export function PendingInvitations({
  invitations,
  resend,
  withdraw,
}: {
  invitations: PendingInvitation[];
  resend: (input: { invitationId: string }) => Promise<Outcome>;
  withdraw: (input: { invitationId: string }) => Promise<Outcome>;
}) {
  const t = useTranslations("invitations");
  return (
    <ul className="space-y-3 text-sm" data-testid="pending-invitations">
      {invitations.map((i) => (
        <li key={i.id} data-testid="pending-invitation" className="rounded border border-slate-200 bg-white p-3">
          <p>
            <span className="font-medium">{i.name}</span> · {i.email}
            {i.expired ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">{t("expiredBadge")}</span> : null}
          </p>
          <p className="text-slate-600">{i.summary}</p>
          <div className="mt-2 flex flex-wrap gap-3">
            <ConfirmButton testId="resend-invitation" label={t("resend", { name: i.name })} done={t("resent", { email: i.email })} run={() => resend({ invitationId: i.id })} Alert={InvitationAlert} />
            <ConfirmButton
              testId="withdraw-invitation"
              danger
              label={t("withdraw", { name: i.name })}
              confirm={t("confirmWithdraw", { name: i.name })}
              run={() => withdraw({ invitationId: i.id })}
              Alert={InvitationAlert}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
