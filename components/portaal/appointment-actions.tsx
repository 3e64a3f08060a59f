"use client";
import { SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { cancelPortalCallbackAction, movePortalCallbackAction } from "@/lib/callbacks/actions";
import { buttonClass, ErrorAlert, secondaryButtonClass } from "./form-kit";
import { type SlotChoice, SlotPicker, splitSlotKey } from "./slot-picker";

/** Move or cancel one appointment; the move form opens on demand. */
export function AppointmentActions({ appointmentId, slots }: { appointmentId: string; slots: SlotChoice[] }) {
  const t = useTranslations("portaal.callback");
  const router = useRouter();
  const [moving, setMoving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // A cancelled appointment keeps its row with the confirmation until the next visit: refreshing
  // the list would remove the row and the confirmation with it.
  const [cancelled, setCancelled] = useState(false);
  const [ask, dialog] = useConfirm();
  // The cancel button disappears with the appointment: focus goes to the confirmation instead of
  // falling back to the top of the page, so a keyboard user goes on from where they were.
  const note = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (cancelled) note.current?.querySelector<HTMLElement>("[role=status]")?.focus();
  }, [cancelled]);
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
      setMoving(false);
      setCancelled(true);
      setMessage(t("cancelled"));
    },
  );
  return (
    <div className="mt-2 space-y-2">
      {dialog}
      <div ref={note} className="contents">{message ? <SuccessNote focusable>{message}</SuccessNote> : null}</div>
      <ErrorAlert reason={cancel.reason} />
      {cancelled ? null : <div className="flex gap-2">
        <button type="button" className={secondaryButtonClass} aria-expanded={moving} onClick={() => { setMessage(null); setMoving((v) => !v); }}>{t("move")}</button>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const form = event.currentTarget;
            setMessage(null);
            if (!(await ask(t("cancelConfirm"), { confirmLabel: t("cancelYes"), cancelLabel: t("cancelNo"), danger: true }))) return;
            void cancel.onSubmit({ preventDefault() {}, currentTarget: form } as unknown as React.FormEvent<HTMLFormElement>);
          }}
        >
          <button type="submit" className={secondaryButtonClass} disabled={cancel.pending}>{t("cancel")}</button>
        </form>
      </div>}
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
