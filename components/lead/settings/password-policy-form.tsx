"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { PolicyRules } from "@/components/account/form-parts";
import type { ActionResult } from "@/lib/actions/define";
import type { PasswordPolicy } from "@/lib/auth/password-policy";
import { updatePasswordPolicyAction } from "@/lib/settings/actions";

const input = "mt-1 block rounded border border-slate-400 bg-white px-2 py-1 aria-[invalid=true]:border-red-700";
type Name = "minLength" | "maxLength" | "requireClasses" | "forbiddenCharacters";

/** The admin's password policy: the active rules as people see them, and the form to change them. */
export function PasswordPolicyForm({ policy }: { policy: PasswordPolicy }) {
  const t = useTranslations("passwordPolicySettings");
  const te = useTranslations("accountErrors");
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<ActionResult<undefined> | null>(null);
  const errors = (name: Name) => (outcome && !outcome.ok ? (outcome.fieldErrors?.[name] ?? []) : []);
  const fieldError = (name: Name) => {
    const codes = errors(name);
    if (codes.length === 0) return null;
    return (
      <p id={`policy-${name}-error`} className="mt-1 text-sm text-red-700">
        {codes.map((code) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.INVALID"))).join(" ")}
      </p>
    );
  };
  const aria = (name: Name, hint?: string) => ({
    "aria-invalid": errors(name).length ? true : undefined,
    "aria-describedby": [hint, errors(name).length ? `policy-${name}-error` : null].filter(Boolean).join(" ") || undefined,
  });

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div>
        <h3 className="mb-2 font-medium">{t("active")}</h3>
        <PolicyRules id="active-password-policy" policy={policy} />
      </div>
      <form
        aria-label={t("section")}
        noValidate
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const value = (name: Name) => form.get(name);
          start(async () => {
            const result = await updatePasswordPolicyAction({
              minLength: value("minLength"),
              maxLength: value("maxLength"),
              requireClasses: value("requireClasses"),
              forbiddenCharacters: value("forbiddenCharacters") ?? "",
            }).catch((): ActionResult<undefined> => ({ ok: false, reason: "UNEXPECTED" }));
            setOutcome(result);
          });
        }}
      >
        <div className="flex flex-wrap gap-4">
          {(["minLength", "maxLength"] as const).map((name) => (
            <div key={name}>
              <label htmlFor={`policy-${name}`} className="block text-sm font-medium">{t(name)}</label>
              <input id={`policy-${name}`} name={name} type="number" inputMode="numeric" step={1} defaultValue={policy[name]} className={`${input} w-28`} {...aria(name)} />
              {fieldError(name)}
            </div>
          ))}
        </div>
        <div>
          <label htmlFor="policy-requireClasses" className="block text-sm font-medium">{t("requireClasses")}</label>
          <select id="policy-requireClasses" name="requireClasses" defaultValue={String(policy.requireClasses)} className={input} {...aria("requireClasses")}>
            {[0, 1, 2, 3, 4].map((count) => (
              <option key={count} value={count}>{t("classesOption", { count })}</option>
            ))}
          </select>
          {fieldError("requireClasses")}
        </div>
        <div>
          <label htmlFor="policy-forbiddenCharacters" className="block text-sm font-medium">{t("forbiddenCharacters")}</label>
          <p id="policy-forbidden-hint" className="text-sm text-slate-600">{t("forbiddenHint")}</p>
          <input id="policy-forbiddenCharacters" name="forbiddenCharacters" type="text" maxLength={100} spellCheck={false} autoComplete="off" defaultValue={policy.forbiddenCharacters} className={`${input} w-full`} {...aria("forbiddenCharacters", "policy-forbidden-hint")} />
          {fieldError("forbiddenCharacters")}
        </div>
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {pending ? t("saving") : t("save")}
        </button>
        {outcome?.ok ? <p role="status" className="text-sm text-green-800">{t("saved")}</p> : null}
        {outcome && !outcome.ok ? (
          <p role="alert" className="text-sm text-red-800">{te.has(outcome.reason) ? te(outcome.reason) : te("UNEXPECTED")}</p>
        ) : null}
      </form>
    </div>
  );
}
