"use client";
import { useEffect, useRef } from "react";

/**
 * A modal dialog on the native <dialog>: the browser traps focus, Escape closes it and focus goes
 * back to the button that opened it.
 */
export function Modal({ open, onClose, titleId, children }: { open: boolean; onClose: () => void; titleId: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50">
      {/* Always rendered (a closed dialog is hidden), so aria-labelledby never points at nothing. */}
      <div className="p-5">{children}</div>
    </dialog>
  );
}
