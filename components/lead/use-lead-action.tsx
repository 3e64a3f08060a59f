"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { focusFirstBad, refusedFields } from "@/components/agent/field-feedback";
import type { ActionResult } from "@/lib/actions/define";

export type LeadMessage = { kind: "ok" | "error"; text: string } | null;

/**
 * Runs a team-lead/admin action (settings, contact lines, chat settings) and keeps every field's errors. A form that
 * shows its fields' errors (idOf) reads them under each field with the one summary and focus on the
 * first; other refusals (a rule, like a day in the past) keep their one translated sentence.
 */
export function useLeadAction(namespace: "leadSettings" | "leadLines" | "chatAdmin", idOf?: (field: string) => string, refresh = false) {
  const t = useTranslations(namespace);
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<LeadMessage>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  function submit(action: (input: unknown) => Promise<ActionResult<undefined>>, input: unknown, onDone?: () => void) {
    start(async () => {
      const result = await action(input).catch((): ActionResult<undefined> => ({ ok: false, reason: "UNEXPECTED" }));
      if (result.ok) {
        setMessage({ kind: "ok", text: t("saved") });
        setReason(null);
        setFieldErrors({});
        onDone?.();
        if (refresh) router.refresh();
        return;
      }
      setReason(result.reason);
      // Only a refusal of the input itself marks fields.
      setFieldErrors(result.reason === "INVALID_INPUT" ? (result.fieldErrors ?? {}) : {});
      if (idOf && refusedFields(result.reason, result.fieldErrors)) {
        setMessage(null);
        focusFirstBad(result.fieldErrors, idOf);
        return;
      }
      const field = result.fieldErrors ? Object.values(result.fieldErrors).flat().find((code) => t.has(`errors.${code}`)) : undefined;
      const code = field ?? (t.has(`errors.${result.reason}`) ? result.reason : "UNEXPECTED");
      setMessage({ kind: "error", text: t(`errors.${code}`) });
    });
  }
  return { pending, message, reason, fieldErrors, submit };
}
