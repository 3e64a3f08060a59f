"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";

// Our own confirmation dialog instead of window.confirm: it speaks the page's language, is styled
// like the app, and is a real modal <dialog> (showModal makes the rest of the page inert, so focus
// stays inside; Escape cancels) with role=alertdialog. Focus goes back to what the person was on.

interface Question {
  message: string;
  confirmLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
  resolve: (yes: boolean) => void;
  opener: Element | null;
}

function ConfirmDialog({ question, onDone }: { question: Question; onDone: (yes: boolean) => void }) {
  const t = useTranslations("confirmDialog");
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  // Close the modal before answering: while it is open the page behind is inert, so focus could
  // not go back to the button that opened it.
  const finish = (yes: boolean) => {
    ref.current?.close();
    onDone(yes);
  };
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The safe answer has focus first: Enter by habit must not cancel an appointment.
    cancelRef.current?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      data-testid="confirm-dialog"
      onKeyDown={(event) => {
        // The page behind is inert, but Tab could still leave for the browser's own controls: keep it
        // cycling between the two answers.
        if (event.key !== "Tab") return;
        const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
        const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
        event.preventDefault();
        buttons[(at + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
      }}
      onCancel={(event) => {
        event.preventDefault();
        finish(false);
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">{t("title")}</h2>
      <p id={`${id}-message`} className="mt-2">{question.message}</p>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <button ref={cancelRef} type="button" onClick={() => finish(false)} className="min-h-11 rounded border border-slate-500 px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">
          {question.cancelLabel ?? t("cancel")}
        </button>
        <button
          type="button"
          onClick={() => finish(true)}
          className={`min-h-11 rounded px-4 py-2 font-medium text-white ${question.danger ? "bg-red-700 hover:bg-red-800" : "bg-brand-700 hover:bg-brand-800"}`}
        >
          {question.confirmLabel ?? t("confirm")}
        </button>
      </div>
    </dialog>
  );
}

/**
 * `const [ask, dialog] = useConfirm();` — render `dialog`, then `if (!(await ask(text))) return;`
 * where window.confirm was.
 */
export function useConfirm(): [(message: string, options?: { confirmLabel?: string; cancelLabel?: string; danger?: boolean }) => Promise<boolean>, ReactNode] {
  const [question, setQuestion] = useState<Question | null>(null);
  const ask = useCallback(
    (message: string, options: { confirmLabel?: string; cancelLabel?: string; danger?: boolean } = {}) =>
      new Promise<boolean>((resolve) => setQuestion({ message, ...options, resolve, opener: document.activeElement })),
    [],
  );
  const dialog = question ? (
    <ConfirmDialog
      question={question}
      onDone={(yes) => {
        setQuestion(null);
        if (question.opener instanceof HTMLElement && question.opener.isConnected) question.opener.focus();
        question.resolve(yes);
      }}
    />
  ) : null;
  return [ask, dialog];
}
