"use client";
import { useState } from "react";
import { UPLOAD_REQUEST_LIMIT_BYTES, uploadRefusalOf } from "@/lib/uploads/rules";
import { badFields } from "@/lib/forms/error-code";
import { firstInPage } from "./first-in-page";

export type ActionOutcome<T> = { ok: true; data: T } | { ok: false; reason: string; fieldErrors?: Record<string, string[]> };

/**
 * The submit state every form of the portals and account pages shares: run the server action,
 * keep the refusal code for the alert and the field codes next to their fields, and move focus to
 * the first invalid field (the alert announces the errors). A thrown error becomes "UNEXPECTED".
 * `succeeded` is true only while the latest submit is the one that went through, so a form's
 * confirmation never stands next to the refusal of a later try. Attachments the upload rule refuses
 * are refused here before sending (the server refuses them too): a file larger than the server
 * actions' body limit would otherwise fail in transport and show no useful message.
 */
export function useFormAction<T>(run: (form: FormData) => Promise<ActionOutcome<T>>, onSuccess: (data: T, form: HTMLFormElement) => void | Promise<void>) {
  const [pending, setPending] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const [succeeded, setSucceeded] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    setSucceeded(false);
    setReason(null);
    setFieldErrors({});
    const data = new FormData(form);
    const refusal = uploadRefusalOf(data);
    if (refusal) {
      setReason(refusal.reason);
      setFieldErrors({ [refusal.field]: [refusal.reason] });
      form.querySelector<HTMLElement>(`[name="${refusal.field}"]`)?.focus();
      setPending(false);
      return;
    }
    try {
      const result = await run(data);
      if (result.ok) {
        setSucceeded(true);
        await onSuccess(result.data, form);
      }
      else {
        setReason(result.reason);
        setFieldErrors(result.fieldErrors ?? {});
        firstInPage(badFields(result.fieldErrors).map((name) => form.querySelector<HTMLElement>(`[name="${name}"]`)))?.focus();
      }
    } catch {
      // Over the transport limit Next rejects the call before the action runs: say what is wrong.
      setReason(requestBytes(data) > UPLOAD_REQUEST_LIMIT_BYTES ? "FILE_TOO_LARGE" : "UNEXPECTED");
    }
    setPending(false);
  }
  return { pending, succeeded, reason, fieldErrors, onSubmit };
}

/** About what the form weighs on the wire (files and text; framing left out). */
function requestBytes(data: FormData): number {
  let bytes = 0;
  for (const [, value] of data.entries()) bytes += typeof value === "string" ? value.length : value.size;
  return bytes;
}

/** The green confirmation after a form went through. */
export function SuccessNote({ children, focusable = false }: { children: React.ReactNode; focusable?: boolean }) {
  // `focusable`: the form that led here is gone, so the note can take focus (not in the Tab order).
  return (
    <div role="status" data-testid="form-success" tabIndex={focusable ? -1 : undefined} className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
      {children}
    </div>
  );
}

/** The red refusal above a form: announced at once (role alert); its text comes from the place's translations. */
export function ErrorNote({ children }: { children: React.ReactNode }) {
  return (
    <div role="alert" data-testid="form-error" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      {children}
    </div>
  );
}

/** The form's primary button; while the action runs it is disabled and says so. */
export function SubmitButton({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
      {pending ? pendingLabel : label}
    </button>
  );
}
