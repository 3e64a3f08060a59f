"use client";
import { SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { cancelPortalCallbackAction, movePortalCallbackAction } from "@/lib/callbacks/actions";
import { buttonClass, ErrorAlert, secondaryButtonClass } from "./form-kit";
import { type SlotChoice, SlotPicker, splitSlotKey } from "./slot-picker";

/** Move or cancel one appointment; the move form opens on demand. */
export function AppointmentActions({ appointmentId, slots }: { appointmentId: string; slots: SlotChoice[] }) {
  const t = useTranslations("portaal.callback");
  const router = useRouter();
  const [moving, setMoving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const move = useFormAction(
    (form) => movePortalCallbackAction({ appointmentId, ...splitSlotKey(form.get("slotKey")) }),
    () => {
      setMoving(false);
      setMessage(t("moved"));
      router.refresh();
    },
  );
  const cancel = useFormAction(
    () => cancelPortalCallbackAction({ appointmentId }),
    () => {
      setMessage(t("cancelled"));
      router.refresh();
    },
  );
  return (
    <div className="mt-2 space-y-2">
      {message ? <SuccessNote>{message}</SuccessNote> : null}
      <ErrorAlert reason={cancel.reason} />
      <div className="flex gap-2">
        <button type="button" className={secondaryButtonClass} aria-expanded={moving} onClick={() => setMoving((v) => !v)}>{t("move")}</button>
        <form
          onSubmit={(event) => {
            if (!window.confirm(t("cancelConfirm"))) event.preventDefault();
            else void cancel.onSubmit(event);
          }}
        >
          <button type="submit" className={secondaryButtonClass} disabled={cancel.pending}>{t("cancel")}</button>
        </form>
      </div>
      {moving ? (
        <form onSubmit={move.onSubmit} noValidate className="space-y-3 rounded border border-slate-200 p-3">
          <ErrorAlert reason={move.reason} />
          <SlotPicker slots={slots} errors={move.fieldErrors.date ?? move.fieldErrors.slot} legend={t("moveTo")} />
          <button type="submit" className={buttonClass} disabled={move.pending}>{t("moveSubmit")}</button>
        </form>
      ) : null}
    </div>
  );
}
