"use client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { confirmSenderAction } from "@/lib/mail/actions";
import { useErrorText } from "./use-action-errors";

export interface UnverifiedSenderBannerProps {
  ticketId: string;
  fromAddress: string;
  verdict: "FAIL" | "NONE" | "PASS";
  checks: { spf: string | null; dkim: string | null; dmarc: string | null };
  claimedNumber: string | null;
  mayConfirm: boolean;
}

/**
 * On a ticket opened by a mail whose sender could not be verified: what the checks found, and for
 * staff who may vouch for senders, "Afzender bevestigen" after an explicit confirmation.
 */
export function UnverifiedSenderBanner({ ticketId, fromAddress, verdict, checks, claimedNumber, mayConfirm }: UnverifiedSenderBannerProps) {
  const t = useTranslations("agentSender");
  const errorText = useErrorText("agentSender");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [ask, confirmDialog] = useConfirm();
  // "none" is also the protocols' own word for "nothing published": one wording for both.
  const shown = (result: string | null) => (result === null || result === "none" ? t("none") : result);
  return (
    <section aria-labelledby="unverified-sender-heading" data-testid="unverified-sender" className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4 text-amber-950">
      {confirmDialog}
      <h2 id="unverified-sender-heading" className="text-lg font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm">{t("intro", { address: fromAddress })}</p>
      <p className="mt-2 text-sm">
        <span className="font-semibold">{t(verdict === "FAIL" ? "verdictFail" : "verdictNone")}</span>
        {" · "}
        {t("checks", { spf: shown(checks.spf), dkim: shown(checks.dkim), dmarc: shown(checks.dmarc) })}
      </p>
      {claimedNumber ? <p className="mt-1 text-sm">{t("claimed", { number: claimedNumber })}</p> : null}
      {mayConfirm ? (
        <div className="mt-3">
          <button
            type="button"
            data-testid="confirm-sender"
            disabled={pending}
            onClick={async () => {
              if (!(await ask(t("confirmQuestion", { address: fromAddress })))) return;
              start(async () => {
                setError(null);
                const result = await confirmSenderAction({ ticketId }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
                if (result.ok) router.refresh();
                else setError(errorText(result.reason));
              });
            }}
            className="rounded border border-amber-800 bg-white px-3 py-1.5 text-sm font-medium text-amber-900 hover:bg-amber-100 disabled:opacity-60"
          >
            {t("confirm")}
          </button>
          {error ? <p role="alert" className="mt-2 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">{error}</p> : null}
        </div>
      ) : (
        <p className="mt-2 text-sm">{t("notAllowed")}</p>
      )}
    </section>
  );
}
