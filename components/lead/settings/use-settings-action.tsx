"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { focusFirstBad, refusedFields } from "@/components/agent/field-feedback";
import type { ActionResult } from "@/lib/actions/define";

const KNOWN = new Set(["CLOSURE_DAY_EXISTS", "DATE_IN_PAST", "DATE_ON_WEEKEND", "NOT_FOUND", "WHOLE_WORKING_DAYS", "FORBIDDEN", "INVALID_INPUT", "UNKNOWN_LINE", "LINE_NEVER_OPEN"]);

/** Runs a settings action and turns its outcome into a translated message. */
export function useSettingsAction(idOf?: (field: string) => string) {
  const t = useTranslations("leadSettings");
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  function submit(action: (input: unknown) => Promise<ActionResult<undefined>>, input: unknown) {
    start(async () => {
      const result = await action(input).catch((): ActionResult<undefined> => ({ ok: false, reason: "UNEXPECTED" }));
      if (result.ok) {
        setMessage({ kind: "ok", text: t("saved") });
        setReason(null);
        setFieldErrors({});
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
      const field = result.fieldErrors ? Object.values(result.fieldErrors).flat()[0] : undefined;
      const code = field && t.has(`errors.${field}`) ? field : KNOWN.has(result.reason) ? result.reason : "UNEXPECTED";
      setMessage({ kind: "error", text: t(`errors.${code}`) });
    });
  }
  return { pending, message, reason, fieldErrors, submit };
}

export function FormMessage({ message }: { message: { kind: "ok" | "error"; text: string } | null }) {
  if (!message) return null;
  return (
    <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-red-800" : "text-sm text-green-800"}>
      {message.text}
    </p>
  );
}

/** A settings form: reads its fields, runs the action, shows the outcome under the button. */
export function SettingsForm({
  action,
  toInput,
  className,
  children,
}: {
  action: (input: unknown) => Promise<ActionResult<undefined>>;
  toInput: (form: FormData) => unknown;
  className?: string;
  children: React.ReactNode;
}) {
  const t = useTranslations("leadSettings");
  const { pending, message, submit } = useSettingsAction();
  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        submit(action, toInput(new FormData(event.currentTarget)));
      }}
    >
      {children}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
        {t("save")}
      </button>
      <FormMessage message={message} />
    </form>
  );
}
