"use client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createBeneficiaryAction, inviteBeneficiaryAction, mergeBeneficiariesAction, setBeneficiaryActiveAction, updateBeneficiaryAction } from "@/lib/beneficiaries/actions";
import { mergeSummaryParam, type MergeSummary } from "@/lib/beneficiaries/rules";
import { BeneficiaryFields, valuesOf, type BeneficiaryValues } from "./beneficiary-fields";
import { PeopleAlert } from "./people-alert";

const frame = "space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm";

/** Creates the account and opens its page, where the customer can be invited. */
export function CreateBeneficiaryForm() {
  const t = useTranslations("peopleAdmin");
  const router = useRouter();
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => createBeneficiaryAction(valuesOf(form)),
    (data: { id: string }) => router.push(`/agent/beheer/klanten/${data.id}`),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("createTitle")} className={frame}>
      <p className="text-sm text-slate-600">{t("createIntro")}</p>
      <PeopleAlert reason={reason} fieldErrors={fieldErrors} idOf={(field) => `new-${field}`} />
      <BeneficiaryFields prefix="new" errors={fieldErrors} />
      <SubmitButton pending={pending} label={t("create")} pendingLabel={t("working")} />
    </form>
  );
}

export function EditBeneficiaryForm({ userId, values }: { userId: string; values: BeneficiaryValues }) {
  const t = useTranslations("peopleAdmin");
  const router = useRouter();
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => updateBeneficiaryAction({ userId, ...valuesOf(form) }),
    () => router.refresh(),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("detailsTitle")} className={frame}>
      <PeopleAlert reason={reason} fieldErrors={fieldErrors} idOf={(field) => `edit-${field}`} />
      {succeeded ? <SuccessNote>{t("saved")}</SuccessNote> : null}
      <BeneficiaryFields prefix="edit" values={values} errors={fieldErrors} />
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("working")} />
    </form>
  );
}

export function InviteButton({ userId, email, again }: { userId: string; email: string; again: boolean }) {
  const t = useTranslations("peopleAdmin");
  return <ConfirmButton testId="invite-beneficiary" label={t(again ? "inviteAgain" : "invite")} done={t("invited", { email })} run={() => inviteBeneficiaryAction({ userId })} Alert={PeopleAlert} />;
}

export function ActiveToggle({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const t = useTranslations("peopleAdmin");
  return active ? (
    <ConfirmButton testId="deactivate-beneficiary" danger label={t("deactivate")} confirm={t("confirmDeactivate", { name })} run={() => setBeneficiaryActiveAction({ userId, active: false })} Alert={PeopleAlert} />
  ) : (
    <ConfirmButton testId="reactivate-beneficiary" label={t("reactivate")} confirm={t("confirmReactivate", { name })} run={() => setBeneficiaryActiveAction({ userId, active: true })} Alert={PeopleAlert} />
  );
}

/** The last step of a merge: the two accounts stand side by side above this button. */
export function MergeButton({ survivor, duplicate }: { survivor: { id: string; name: string }; duplicate: { id: string; name: string } }) {
  const t = useTranslations("peopleAdmin");
  const router = useRouter();
  const [reason, setReason] = useState<string | null>(null);
  const [done, setDone] = useState<MergeSummary | null>(null);
  const [pending, setPending] = useState(false);
  const [ask, confirmDialog] = useConfirm();
  return (
    <div className="space-y-2">
      {confirmDialog}
      <PeopleAlert reason={reason} />
      {done ? <SuccessNote>{t("merged", done)}</SuccessNote> : null}
      <button
        type="button"
        data-testid="merge-beneficiaries"
        disabled={pending || done !== null}
        onClick={async () => {
          if (!(await ask(t("confirmMerge", { duplicate: duplicate.name, survivor: survivor.name })))) return;
          setPending(true);
          setReason(null);
          const result = await mergeBeneficiariesAction({ survivorId: survivor.id, duplicateId: duplicate.id }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
          setPending(false);
          if (result.ok) {
            const summary = result.data as MergeSummary;
            setDone(summary);
            // This panel goes with the duplicate: the survivor's page repeats the note from its URL.
            router.replace(`/agent/beheer/klanten/${survivor.id}?samengevoegd=${mergeSummaryParam(summary)}`);
          } else setReason(result.reason);
        }}
        className="rounded border border-red-700 px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? t("working") : t("merge")}
      </button>
    </div>
  );
}
