"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SuccessNote, useFormAction } from "@/components/ui/form-action";
import { erasePersonServerAction } from "@/lib/privacy/actions";
import { privacyReason } from "@/lib/privacy/schema";
import { PrivacyAlert, useFieldErrorText } from "./privacy-alert";

const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2";

/** Erasure on request: a reason for the record and an explicit confirmation; refusals say what stands in the way. */
export function EraseForm({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("privacyPerson");
  const errorText = useFieldErrorText();
  const router = useRouter();
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => {
      // Without the confirmation nothing goes to the server; the reason is checked here by the
      // server's own rule, so both errors show at once.
      if (form.get("confirm") !== "yes") {
        const checked = privacyReason.safeParse(form.get("reason") ?? "");
        const refused: Record<string, string[]> = checked.success ? {} : { reason: checked.error.issues.map((issue) => issue.message) };
        refused.confirm = ["CONFIRM_ERASE"];
        return Promise.resolve({ ok: false as const, reason: "INVALID_INPUT", fieldErrors: refused });
      }
      return erasePersonServerAction({ userId, reason: form.get("reason") });
    },
    () => router.refresh(),
  );
  const reasonErrors = errorText(fieldErrors.reason);
  const confirmErrors = errorText(fieldErrors.confirm);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("eraseTitle")} className="space-y-3 rounded-lg border border-red-200 bg-white p-5 shadow-sm">
      <PrivacyAlert reason={reason} details={fieldErrors} idOf={(field) => `erase-${field}`} />
      {succeeded ? <SuccessNote>{t("erased")}</SuccessNote> : null}
      <div>
        <label htmlFor="erase-reason" className="block text-sm font-medium text-slate-800">{t("eraseReason")}</label>
        <p id="erase-reason-hint" className="text-sm text-slate-600">{t("eraseReasonHint")}</p>
        <textarea
          id="erase-reason"
          name="reason"
          rows={2}
          required
          aria-invalid={reasonErrors ? true : undefined}
          aria-describedby={`erase-reason-hint${reasonErrors ? " erase-reason-error" : ""}`}
          className={inputClass}
        />
        {reasonErrors ? <p id="erase-reason-error" className="mt-1 text-sm text-red-700">{reasonErrors}</p> : null}
      </div>
      <div className="flex items-start gap-2">
        <input id="erase-confirm" name="confirm" value="yes" type="checkbox" className="mt-1 h-4 w-4" aria-invalid={confirmErrors ? true : undefined} aria-describedby={confirmErrors ? "erase-confirm-error" : undefined} />
        <label htmlFor="erase-confirm" className="text-sm">{t("eraseConfirm", { name })}</label>
      </div>
      {confirmErrors ? <p id="erase-confirm-error" className="text-sm text-red-700">{confirmErrors}</p> : null}
      <button type="submit" data-testid="erase" disabled={pending} className="rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60">
        {pending ? t("working") : t("erase")}
      </button>
    </form>
  );
}
