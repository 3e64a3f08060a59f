"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { fieldAria, focusFirstBad, refusedFields, WorkspaceFieldError, WorkspaceRefusal } from "@/components/agent/field-feedback";
import { ConfirmationSlot, useConfirmation } from "@/components/ui/page-confirmation";
import type { ActionResult } from "@/lib/actions/define";
import { addComplaintNoteFormAction, answerComplaintFormAction, askComplainantFormAction, referComplaintFormAction, referToOmbudsmanFormAction } from "@/lib/complaints/desk-actions";

/** Where each action's confirmation shows: a referral removes its own form, so those use the complaint's slot. */
export type DeskSlot = "complaint" | "note";
type Done = "answer" | "ask" | "note" | "refer" | "ombudsRefer";

/** The page's one confirmation slot for an action (ComplaintPage renders both). */
export function DeskConfirmation({ slot, className }: { slot: DeskSlot; className?: string }) {
  return <ConfirmationSlot slot={slot} className={className} />;
}

function useDeskAction(done: Done, slot: DeskSlot, idOf?: (field: string) => string) {
  const t = useTranslations("leadComplaints");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const { confirm, clear } = useConfirmation();
  function run(action: (input: unknown) => Promise<ActionResult<undefined>>, input: unknown, onDone?: () => void) {
    clear();
    start(async () => {
      const result = await action(input).catch((): ActionResult<undefined> => ({ ok: false, reason: "UNEXPECTED" }));
      if (result.ok) {
        setError(null);
        setReason(null);
        setFieldErrors({});
        onDone?.();
        confirm(slot, t(`done.${done}`));
        router.refresh();
        return;
      }
      // A refused text stands under its field with its limit; the summary above links to it.
      const refused = result.fieldErrors ?? {};
      setReason(result.reason);
      setFieldErrors(refused);
      setError(refusedFields(result.reason, refused) ? null : t(`errors.${t.has(`errors.${result.reason}`) ? result.reason : "UNEXPECTED"}`));
      focusFirstBad(refused, idOf);
    });
  }
  return { pending, error, reason, fieldErrors, run };
}

interface TextFormProps {
  id: string;
  label: string;
  hint?: string;
  submitLabel: string;
  action: (input: unknown) => Promise<ActionResult<undefined>>;
  complaintId: string;
  field?: "body" | "reason";
  done: Done;
  slot: DeskSlot;
}

function TextForm({ id, label, hint, submitLabel, action, complaintId, field = "body", done, slot }: TextFormProps) {
  const { pending, error, reason, fieldErrors, run } = useDeskAction(done, slot, () => id);
  const [body, setBody] = useState("");
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        run(action, { complaintId, [field]: body }, () => setBody(""));
      }}
    >
      <WorkspaceRefusal reason={reason} fieldErrors={fieldErrors} idOf={() => id} text={null} />
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-xs text-slate-600">{hint}</p> : null}
      <textarea id={id} value={body} onChange={(e) => setBody(e.target.value)} rows={5} maxLength={20_000} {...fieldAria(id, fieldErrors[field], hint ? `${id}-hint` : undefined)} className="w-full rounded border border-slate-400 px-2 py-1" />
      <WorkspaceFieldError id={id} errors={fieldErrors[field]} namespace="leadComplaints" />
      {error ? <p role="alert" data-testid="form-error" className="text-sm text-red-800">{error}</p> : null}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">{submitLabel}</button>
    </form>
  );
}

export function AnswerForm({ complaintId }: { complaintId: string }) {
  const t = useTranslations("leadComplaints");
  return <TextForm id="answer" label={t("answer.label")} hint={t("answer.hint")} submitLabel={t("answer.submit")} action={answerComplaintFormAction} complaintId={complaintId} done="answer" slot="complaint" />;
}

/** A question to the complainant, before the stage's answer; the complaint then waits on them. */
export function AskForm({ complaintId }: { complaintId: string }) {
  const t = useTranslations("leadComplaints");
  return <TextForm id="ask" label={t("ask.label")} hint={t("ask.hint")} submitLabel={t("ask.submit")} action={askComplainantFormAction} complaintId={complaintId} done="ask" slot="complaint" />;
}

export function NoteForm({ complaintId }: { complaintId: string }) {
  const t = useTranslations("leadComplaints");
  return <TextForm id="note" label={t("note.label")} submitLabel={t("note.submit")} action={addComplaintNoteFormAction} complaintId={complaintId} done="note" slot="note" />;
}

export function ReferButton({ complaintId }: { complaintId: string }) {
  const t = useTranslations("leadComplaints");
  const { pending, error, run } = useDeskAction("refer", "complaint");
  return (
    <div className="space-y-2">
      <button type="button" disabled={pending} onClick={() => run(referComplaintFormAction, { complaintId })} className="rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 disabled:opacity-60">
        {t("refer.submit")}
      </button>
      {error ? <p role="alert" className="text-sm text-red-800">{error}</p> : null}
    </div>
  );
}

/** The line passes a stage-1 complaint to the ombudsman; the reason goes to the complainant. */
export function OmbudsReferForm({ complaintId }: { complaintId: string }) {
  const t = useTranslations("leadComplaints.ombudsRefer");
  return <TextForm id="ombuds-reason" label={t("label")} hint={t("intro")} submitLabel={t("submit")} action={referToOmbudsmanFormAction} complaintId={complaintId} field="reason" done="ombudsRefer" slot="complaint" />;
}
