"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { fieldAria, focusFirstBad, refusedFields, WorkspaceFieldError, WorkspaceRefusal } from "@/components/agent/field-feedback";
import { useConfirmation } from "@/components/ui/page-confirmation";
import { escalationDeskAction } from "@/lib/escalations/desk-actions";

type Kind = "answer" | "resolve" | "moveUp";
const FIELD: Record<Kind, string> = { answer: "body", resolve: "outcome", moveUp: "reason" };

/** The handler's controls for one open escalation; what an action did shows in the escalation's ConfirmationSlot. */
export function EscalationControls({ escalationId, canMoveUp, isOwner, csmInCopy }: { escalationId: string; canMoveUp: boolean; isOwner: boolean; csmInCopy: boolean }) {
  const t = useTranslations("leadEscalations");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [open, setOpen] = useState<Kind | null>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const { confirm, clear } = useConfirmation();

  function run(kind: "take" | Kind, input: Record<string, string>) {
    clear();
    start(async () => {
      const result = await escalationDeskAction(kind, { escalationId, ...input }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
      if (result.ok) {
        setOpen(null);
        setText("");
        setError(null);
        setReason(null);
        setFieldErrors({});
        // Said to be in copy only where the organisation has a customer success manager.
        confirm(escalationId, t(kind === "answer" && !csmInCopy ? "done.answerNoCsm" : `done.${kind}`));
        router.refresh();
        return;
      }
      // A refused text stands under its field with its limit; the summary above links to it.
      const refused = "fieldErrors" in result && result.fieldErrors ? result.fieldErrors : {};
      setReason(result.reason);
      setFieldErrors(refused);
      setError(refusedFields(result.reason, refused) ? null : t(`errors.${t.has(`errors.${result.reason}`) ? result.reason : "UNEXPECTED"}`));
      focusFirstBad(refused, () => `${escalationId}-${kind}`);
    });
  }

  return (
    <div className="mt-3 space-y-2">
      <div className="flex flex-wrap gap-2">
        {!isOwner ? (
          <button type="button" disabled={pending} onClick={() => run("take", {})} className="rounded border border-brand-700 px-2 py-1 text-sm text-brand-700 disabled:opacity-60">
            {t("take")}
          </button>
        ) : null}
        {(["answer", "resolve", ...(canMoveUp ? (["moveUp"] as const) : [])] as Kind[]).map((kind) => (
          <button key={kind} type="button" aria-expanded={open === kind} onClick={() => {
              clear();
              setFieldErrors({});
              setReason(null);
              setOpen(open === kind ? null : kind);
            }} className="rounded border border-slate-400 px-2 py-1 text-sm">
            {t(`${kind}.open`)}
          </button>
        ))}
      </div>
      {open ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            run(open, { [FIELD[open]]: text });
          }}
        >
          <WorkspaceRefusal reason={reason} fieldErrors={fieldErrors} idOf={() => `${escalationId}-${open}`} text={null} />
          <label htmlFor={`${escalationId}-${open}`} className="block text-sm font-medium">{t(open === "answer" && !csmInCopy ? "answer.labelNoCsm" : `${open}.label`)}</label>
          <textarea id={`${escalationId}-${open}`} value={text} onChange={(e) => setText(e.target.value)} rows={4} maxLength={10_000} className="w-full rounded border border-slate-400 px-2 py-1" {...fieldAria(`${escalationId}-${open}`, fieldErrors[FIELD[open]])} />
          <WorkspaceFieldError id={`${escalationId}-${open}`} errors={fieldErrors[FIELD[open]]} namespace="leadEscalations" />
          <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">{t(`${open}.submit`)}</button>
        </form>
      ) : null}
      {error ? <p role="alert" data-testid="form-error" className="text-sm text-red-800">{error}</p> : null}
    </div>
  );
}
