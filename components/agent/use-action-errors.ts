"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { focusFirstBad } from "./field-feedback";

/** Maps an action's refusal code to a translated sentence; unknown codes get the generic one. */
export function useErrorText(namespace: string) {
  const t = useTranslations(namespace);
  return (reason: string) => (t.has(`errors.${reason}`) ? t(`errors.${reason}`) : t("errors.GENERIC"));
}

export function fieldError(fieldErrors: Record<string, string[]> | undefined, name: string): string | undefined {
  return fieldErrors?.[name]?.[0];
}

type Outcome<T> = { ok: true; data: T } | { ok: false; reason: string; fieldErrors?: Record<string, string[]> };

/**
 * Submit state of a workspace form: runs the action in a transition; a refusal becomes a
 * translated sentence plus field errors, a thrown error the generic sentence; success clears both.
 */
export function useAgentAction(namespace: string, idOf?: (field: string) => string) {
  const errorText = useErrorText(namespace);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [pending, start] = useTransition();
  function run<T>(call: () => Promise<Outcome<T>>, onSuccess: (data: T) => void) {
    start(async () => {
      const result = await call().catch((): Outcome<T> => ({ ok: false, reason: "UNEXPECTED" }));
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setError(errorText(result.reason));
        setReason(result.reason);
        // Every field's error shows at once; focus goes to the first of them.
        focusFirstBad(result.fieldErrors, idOf);
        return;
      }
      setErrors({});
      setError(null);
      setReason(null);
      onSuccess(result.data);
    });
  }
  return { errors, error, reason, pending, run };
}
