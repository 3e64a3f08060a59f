"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { placeLegalHoldAction, releaseLegalHoldAction } from "@/lib/privacy/actions";
import { PrivacyAlert, useFieldErrorText } from "./privacy-alert";

const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2";

/** Places a hold on a ticket (number), a person (e-mail address or client number) or an organisation (external number). */
export function PlaceHoldForm({ defaultKind = "TICKET", defaultReference = "", idPrefix = "hold" }: { defaultKind?: "TICKET" | "PERSON" | "ORGANISATION"; defaultReference?: string; idPrefix?: string }) {
  const t = useTranslations("privacyAdmin");
  const errorText = useFieldErrorText();
  const router = useRouter();
  const [kind, setKind] = useState(defaultKind);
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => placeLegalHoldAction({ kind: form.get("kind"), reference: form.get("reference"), reason: form.get("reason") }),
    (_data: undefined, form) => {
      form.reset();
      router.refresh();
    },
  );
  const referenceErrors = errorText(fieldErrors.reference);
  const reasonErrors = errorText(fieldErrors.reason);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("placeHoldTitle")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <PrivacyAlert reason={reason} details={fieldErrors} idOf={(field) => `${idPrefix}-${field}`} />
      {succeeded ? <SuccessNote>{t("holdPlaced")}</SuccessNote> : null}
      <div>
        <label htmlFor={`${idPrefix}-kind`} className="block text-sm font-medium text-slate-800">{t("holdKind")}</label>
        <select id={`${idPrefix}-kind`} name="kind" aria-invalid={fieldErrors.kind ? true : undefined} aria-describedby={fieldErrors.kind ? `${idPrefix}-kind-error` : undefined} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} className={inputClass}>
          <option value="TICKET">{t("holdKinds.TICKET")}</option>
          <option value="PERSON">{t("holdKinds.PERSON")}</option>
          <option value="ORGANISATION">{t("holdKinds.ORGANISATION")}</option>
        </select>
        {fieldErrors.kind ? <p id={`${idPrefix}-kind-error`} className="mt-1 text-sm text-red-700">{errorText(fieldErrors.kind)}</p> : null}
      </div>
      <div>
        <label htmlFor={`${idPrefix}-reference`} className="block text-sm font-medium text-slate-800">{t(`holdReference.${kind}`)}</label>
        <input
          id={`${idPrefix}-reference`}
          name="reference"
          defaultValue={defaultReference}
          autoComplete="off"
          required
          aria-invalid={referenceErrors ? true : undefined}
          aria-describedby={referenceErrors ? `${idPrefix}-reference-error` : undefined}
          className={inputClass}
        />
        {referenceErrors ? <p id={`${idPrefix}-reference-error`} className="mt-1 text-sm text-red-700">{referenceErrors}</p> : null}
      </div>
      <div>
        <label htmlFor={`${idPrefix}-reason`} className="block text-sm font-medium text-slate-800">{t("holdReason")}</label>
        <textarea
          id={`${idPrefix}-reason`}
          name="reason"
          rows={2}
          required
          aria-invalid={reasonErrors ? true : undefined}
          aria-describedby={reasonErrors ? `${idPrefix}-reason-error` : undefined}
          className={inputClass}
        />
        {reasonErrors ? <p id={`${idPrefix}-reason-error`} className="mt-1 text-sm text-red-700">{reasonErrors}</p> : null}
      </div>
      <SubmitButton pending={pending} label={t("placeHold")} pendingLabel={t("working")} />
    </form>
  );
}

export function ReleaseHoldButton({ holdId, what }: { holdId: string; what: string }) {
  const t = useTranslations("privacyAdmin");
  return <ConfirmButton testId="release-hold" label={t("releaseHold", { what })} confirm={t("confirmRelease", { what })} run={() => releaseLegalHoldAction({ holdId })} Alert={PrivacyAlert} />;
}
