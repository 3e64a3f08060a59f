"use client";
import { SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { bookPortalCallbackAction } from "@/lib/callbacks/actions";
import { buttonClass, describedBy, ErrorAlert, FieldError, inputClass, labelClass } from "./form-kit";
import { type SlotChoice, SlotPicker, splitSlotKey } from "./slot-picker";

export function BookCallbackForm({
  slots,
  tickets,
  ticketId,
  phone,
}: {
  slots: SlotChoice[];
  tickets: { id: string; number: string; subject: string }[];
  ticketId: string | null;
  phone: string;
}) {
  const t = useTranslations("portaal.callback");
  const router = useRouter();
  const [target, setTarget] = useState(ticketId ?? "");
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => {
      const { date, slot } = splitSlotKey(form.get("slotKey"));
      const chosen = String(form.get("ticketId") ?? "");
      return bookPortalCallbackAction({
        ticketId: chosen || undefined,
        question: chosen ? undefined : String(form.get("question") ?? ""),
        date,
        slot,
        phone: form.get("phone") ?? "",
      });
    },
    () => {
      router.refresh();
    },
  );
  const slotErrors = fieldErrors.date ?? fieldErrors.slot;
  // The date and the slot are one choice on this form: counted once, in the form's order.
  const shownErrors = { question: fieldErrors.question, slot: slotErrors, phone: fieldErrors.phone };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <ErrorAlert reason={reason} fieldErrors={shownErrors} />
      {succeeded ? <SuccessNote>{t("booked")}</SuccessNote> : null}
      <div>
        <label htmlFor="ticketId" className={labelClass}>{t("forTicket")}</label>
        <select id="ticketId" name="ticketId" value={target} onChange={(e) => setTarget(e.target.value)} className={inputClass}>
          <option value="">{t("newQuestion")}</option>
          {tickets.map((ticket) => (
            <option key={ticket.id} value={ticket.id}>{`${ticket.number} — ${ticket.subject}`}</option>
          ))}
        </select>
      </div>
      {target === "" ? (
        <div>
          <label htmlFor="question" className={labelClass}>{t("question")}</label>
          <textarea id="question" name="question" rows={3} className={inputClass} {...describedBy("question", fieldErrors.question)} />
          <FieldError id="question" errors={fieldErrors.question} />
        </div>
      ) : null}
      <SlotPicker slots={slots} errors={slotErrors} legend={t("slot")} />
      <div>
        <label htmlFor="phone" className={labelClass}>{t("phone")}</label>
        <p id="phone-hint" className="text-sm text-slate-600">{t("phoneHint")}</p>
        <input id="phone" name="phone" type="tel" autoComplete="tel" defaultValue={phone} className={inputClass} {...describedBy("phone", fieldErrors.phone, true)} />
        <FieldError id="phone" errors={fieldErrors.phone} />
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("submitting") : t("submit")}</button>
    </form>
  );
}
