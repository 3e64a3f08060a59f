"use client";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { FieldErrors } from "@/components/ui/field-errors";
import { badFields } from "@/lib/forms/error-code";
import { firstIdInPage } from "@/components/ui/first-in-page";

// Field feedback of the workspace forms (agent, team lead, settings): each field's own error under
// it, with the limit its schema set ("Gebruik hoogstens 20.000 tekens."), and above a refused form
// the one summary every form shares. The codes a namespace's `fieldErrors` must translate:
const COMMON_CODES = ["REQUIRED", "TOO_SHORT", "TOO_LONG"];

/** The error under one field; `namespace` is the form's own (its `fieldErrors` hold the sentences). */
export function WorkspaceFieldError({ id, errors, namespace, extraCodes = [] }: { id: string; errors?: string[]; namespace: string; extraCodes?: string[] }) {
  return <FieldErrors id={id} errors={errors} namespace={`${namespace}.fieldErrors`} codes={new Set([...COMMON_CODES, ...extraCodes, "INVALID"])} />;
}

/** aria-invalid and aria-describedby of a field that may carry an error (and a hint). */
export function fieldAria(id: string, errors?: string[], hintId?: string) {
  const describedBy = [errors?.length ? `${id}-error` : null, hintId ?? null].filter(Boolean).join(" ");
  return { "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy || undefined };
}

/** True when a refusal is about its fields: the summary stands in for the generic sentence. */
export function refusedFields(reason: string | null | undefined, fieldErrors: Record<string, string[] | undefined> | undefined): boolean {
  return reason === "INVALID_INPUT" && badFields(fieldErrors).length > 0;
}

/** The one summary above a refused form, or the form's own sentence for any other refusal. */
export function WorkspaceRefusal({
  reason,
  fieldErrors,
  idOf,
  text,
}: {
  reason: string | null | undefined;
  fieldErrors?: Record<string, string[] | undefined>;
  idOf?: (field: string) => string;
  text: string | null;
}) {
  if (refusedFields(reason, fieldErrors)) return <FieldErrorSummary fieldErrors={fieldErrors} idOf={idOf} />;
  if (!text) return null;
  return (
    <p role="alert" data-testid="form-error" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
      {text}
    </p>
  );
}

/** Moves focus to the first bad field after a refusal (after React has drawn its error). */
export function focusFirstBad(fieldErrors: Record<string, string[] | undefined> | undefined, idOf: (field: string) => string = (f) => f) {
  const ids = badFields(fieldErrors).map(idOf);
  if (ids.length === 0) return;
  requestAnimationFrame(() => document.getElementById(firstIdInPage(ids) ?? "")?.focus());
}
