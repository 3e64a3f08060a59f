"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { focusFirstBad, refusedFields } from "@/components/agent/field-feedback";
import type { ActionResult } from "@/lib/actions/define";

export type LinesMessage = { kind: "ok" | "error"; text: string } | null;

/** Runs a contact-line action; a refusal becomes the message of its field's code or its reason. */
export function useLinesAction(idOf?: (field: string) => string) {
  const t = useTranslations("leadLines");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<LinesMessage>(null);
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
        router.refresh();
        return;
      }
      setReason(result.reason);
      // Only a refusal of the input itself marks fields; a rule (a day in the past) keeps its one sentence.
      setFieldErrors(result.reason === "INVALID_INPUT" ? (result.fieldErrors ?? {}) : {});
      // A form that shows its fields' errors (idOf) reads them under each field, with the one summary above.
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

export function LinesMessageLine({ message }: { message: LinesMessage }) {
  if (!message) return <p role="status" className="sr-only" />;
  return (
    <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-red-800" : "text-sm text-green-800"}>
      {message.text}
    </p>
  );
}
