"use client";
import { useTranslations } from "next-intl";
import { useLeadAction } from "@/components/lead/use-lead-action";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import type { ActionResult } from "@/lib/actions/define";

/** Runs a settings action: the shared lead hook, in the settings' words. */
export function useSettingsAction(idOf?: (field: string) => string) {
  return useLeadAction("leadSettings", idOf);
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
  idOf,
  children,
}: {
  action: (input: unknown) => Promise<ActionResult<undefined>>;
  toInput: (form: FormData) => unknown;
  className?: string;
  /** The input id of a field: the form then shows each field's error under it, with the one summary. */
  idOf?: (field: string) => string;
  children: React.ReactNode | ((fieldErrors: Record<string, string[]>) => React.ReactNode);
}) {
  const t = useTranslations("leadSettings");
  const { pending, message, fieldErrors, submit } = useSettingsAction(idOf);
  return (
    <form
      className={className}
      // The server's refusal says what is wrong in the page's language; the browser's own bubble would not.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(action, toInput(new FormData(event.currentTarget)));
      }}
    >
      {idOf ? (
        <div className="basis-full">
          <FieldErrorSummary fieldErrors={fieldErrors} idOf={idOf} />
        </div>
      ) : null}
      {typeof children === "function" ? children(fieldErrors) : children}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
        {t("save")}
      </button>
      <FormMessage message={message} />
    </form>
  );
}
