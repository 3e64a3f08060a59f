"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { describedBy, FieldErrors, inputClass } from "@/components/ui/field-errors";
import { ErrorNote, useFormAction } from "@/components/ui/form-action";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { badFields } from "@/lib/forms/error-code";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api/token-actions";
import { API_SCOPES } from "@/lib/api/scopes";

const FIELD_CODES = new Set(["TOO_SHORT", "TOO_LONG", "REQUIRED", "CHOOSE_SCOPE", "IN_THE_PAST", "INVALID_DATE", "ACTOR_NOT_STAFF", "ORGANISATION_NOT_FOUND", "INVALID"]);
const REASONS = new Set(["INVALID_INPUT", "ACTOR_NOT_STAFF", "ORGANISATION_NOT_FOUND", "NOT_FOUND", "FORBIDDEN"]);

/** The refusal above the form; refused fields read as the one summary every form shares. */
function Alert({ reason, fieldErrors }: { reason: string | null; fieldErrors?: Record<string, string[] | undefined> }) {
  const t = useTranslations("apiTokens.errors");
  if (!reason) return null;
  if (reason === "INVALID_INPUT" && badFields(fieldErrors).length > 0) return <FieldErrorSummary fieldErrors={fieldErrors} idOf={(field) => FIELD_IDS[field] ?? field} />;
  return <ErrorNote>{t(REASONS.has(reason) ? reason : "GENERIC")}</ErrorNote>;
}

// The inputs' ids, for the summary's link to the first bad field.
const FIELD_IDS: Record<string, string> = { name: "token-name", actorId: "token-actor", organisationId: "token-org", expiresAt: "token-expires", scopes: "token-scopes" };

interface Option {
  id: string;
  label: string;
}

export function CreateApiTokenForm({ staff, organisations }: { staff: Option[]; organisations: Option[] }) {
  const t = useTranslations("apiTokens.form");
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) =>
      createApiTokenAction({
        name: form.get("name"),
        scopes: form.getAll("scopes"),
        actorId: form.get("actorId"),
        organisationId: form.get("organisationId"),
        expiresAt: form.get("expiresAt"),
      }),
    (data, form) => {
      setSecret(data.secret);
      form.reset();
      router.refresh();
    },
  );
  return (
    <section aria-labelledby="new-token" className="mb-8 rounded border border-slate-200 bg-white p-4">
      <h2 id="new-token" className="mb-3 text-lg font-semibold">
        {t("heading")}
      </h2>
      {secret ? (
        <div role="status" data-testid="token-secret" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          <p className="font-semibold">{t("secretShownOnce")}</p>
          <code className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-slate-900">{secret}</code>
        </div>
      ) : null}
      <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
        <div className="md:col-span-2">
          <Alert reason={reason} fieldErrors={fieldErrors} />
        </div>
        <div>
          <label htmlFor="token-name" className="font-medium">
            {t("name")}
          </label>
          <input id="token-name" name="name" required className={inputClass} aria-describedby={describedBy("token-name", false, fieldErrors.name)} aria-invalid={fieldErrors.name ? true : undefined} />
          <FieldErrors id="token-name" errors={fieldErrors.name} namespace="apiTokens.fieldErrors" codes={FIELD_CODES} />
        </div>
        <div>
          <label htmlFor="token-actor" className="font-medium">
            {t("actor")}
          </label>
          <select id="token-actor" name="actorId" required className={inputClass} aria-describedby={describedBy("token-actor", true, fieldErrors.actorId)} aria-invalid={fieldErrors.actorId ? true : undefined}>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          <p id="token-actor-hint" className="mt-1 text-sm text-slate-600">
            {t("actorHint")}
          </p>
          <FieldErrors id="token-actor" errors={fieldErrors.actorId} namespace="apiTokens.fieldErrors" codes={FIELD_CODES} />
        </div>
        <div>
          <label htmlFor="token-org" className="font-medium">
            {t("organisation")}
          </label>
          <select id="token-org" name="organisationId" className={inputClass} aria-describedby={describedBy("token-org", true, fieldErrors.organisationId)} aria-invalid={fieldErrors.organisationId ? true : undefined}>
            <option value="">{t("allOrganisations")}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
          <p id="token-org-hint" className="mt-1 text-sm text-slate-600">
            {t("organisationHint")}
          </p>
          <FieldErrors id="token-org" errors={fieldErrors.organisationId} namespace="apiTokens.fieldErrors" codes={FIELD_CODES} />
        </div>
        <div>
          <label htmlFor="token-expires" className="font-medium">
            {t("expiresAt")}
          </label>
          <input id="token-expires" name="expiresAt" type="date" className={inputClass} aria-describedby={describedBy("token-expires", false, fieldErrors.expiresAt)} aria-invalid={fieldErrors.expiresAt ? true : undefined} />
          <FieldErrors id="token-expires" errors={fieldErrors.expiresAt} namespace="apiTokens.fieldErrors" codes={FIELD_CODES} />
        </div>
        <fieldset className="md:col-span-2" aria-describedby={fieldErrors.scopes ? "token-scopes-error" : undefined}>
          <legend className="font-medium">{t("scopes")}</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-3">
            {API_SCOPES.map((scope, i) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                {/* The first box carries the id the refusal summary links to. */}
                <input type="checkbox" name="scopes" value={scope} id={i === 0 ? "token-scopes" : undefined} />
                <code>{scope}</code>
              </label>
            ))}
          </div>
          <FieldErrors id="token-scopes" errors={fieldErrors.scopes} namespace="apiTokens.fieldErrors" codes={FIELD_CODES} />
        </fieldset>
        <div className="md:col-span-2">
          <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
            {t("submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

export function RevokeApiTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("apiTokens.list");
  return <ConfirmButton testId={`revoke-${tokenId}`} danger label={t("revoke")} confirm={t("confirmRevoke", { name })} run={() => revokeApiTokenAction({ tokenId })} Alert={Alert} />;
}
