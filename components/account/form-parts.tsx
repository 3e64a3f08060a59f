"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { badFields, formatLimit, parseErrorCode } from "@/lib/forms/error-code";
import { useLocale, useTranslations } from "next-intl";
import type { PasswordPolicy } from "@/lib/auth/password-policy";
import { describePolicy } from "@/lib/auth/password-policy-setting";

/** The refusal above a form; refused fields read as the one summary every form shares. */
export function AccountAlert({ reason, fieldErrors }: { reason: string | null; fieldErrors?: Record<string, string[] | undefined> }) {
  const t = useTranslations("accountErrors");
  if (!reason) return null;
  if (reason === "INVALID_INPUT" && badFields(fieldErrors).length > 0) return <FieldErrorSummary fieldErrors={fieldErrors} />;
  return (
    <ErrorNote>{t.has(reason) ? t(reason) : t("UNEXPECTED")}</ErrorNote>
  );
}

/** A labelled input with its hint and its errors announced through aria-describedby. */
export function Field(props: {
  name: string;
  label: string;
  type: "password" | "email";
  autoComplete: string;
  errors?: string[];
  describedBy?: string;
  defaultValue?: string;
}) {
  const t = useTranslations("accountFieldErrors");
  const locale = useLocale();
  const errorId = `${props.name}-error`;
  const describedBy = [props.describedBy, props.errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={props.name} className="block text-sm font-medium text-slate-800">{props.label}</label>
      <input
        id={props.name}
        name={props.name}
        type={props.type}
        required
        autoComplete={props.autoComplete}
        defaultValue={props.defaultValue}
        aria-invalid={props.errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
      />
      {props.errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {props.errors
            .map((raw) => {
              // "TOO_LONG:1024": the schema's limit, in the page's number format.
              const { code, limit } = parseErrorCode(raw);
              return t.has(code) ? t(code, { limit: limit === undefined ? "" : formatLimit(limit, locale) }) : t("INVALID");
            })
            .join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** The active policy in the reader's language, as a list the new-password field refers to. */
export function PolicyRules({ id, policy }: { id: string; policy: PasswordPolicy }) {
  const t = useTranslations("passwordPolicy");
  return (
    <div id={id} className="rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
      <p className="font-medium">{t("heading")}</p>
      <ul className="mt-1 list-disc pl-5" data-testid="password-policy">
        {describePolicy(policy).map((rule) => (
          <li key={rule.rule}>
            {rule.rule === "length"
              ? t("length", { min: rule.min, max: rule.max })
              : rule.rule === "classes"
                ? t("classes", { count: rule.count })
                : rule.rule === "forbidden"
                  ? t("forbidden", { characters: [...rule.characters].map((c) => (c === " " ? "␣" : c)).join(" ") })
                  : t(rule.rule)}
          </li>
        ))}
      </ul>
    </div>
  );
}

