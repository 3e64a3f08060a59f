"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { describedBy, FieldErrors as SharedFieldErrors, inputClass } from "@/components/ui/field-errors";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { ErrorNote, useFormAction } from "@/components/ui/form-action";
import { badFields } from "@/lib/forms/error-code";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { createWebhookAction, deleteWebhookAction, resendWebhookAction, rotateWebhookSecretFormAction, setWebhookPausedAction } from "@/lib/webhooks/actions";

const REASONS = new Set(["INVALID_INPUT", "URL_INVALID", "URL_NOT_HTTPS", "URL_INTERNAL", "NOT_FOUND", "NOT_FAILED", "FORBIDDEN"]);

const FIELD_CODES = new Set(["REQUIRED", "TOO_LONG", "CHOOSE_EVENT", "URL_INVALID", "URL_NOT_HTTPS", "URL_INTERNAL"]);
// The inputs' ids, for the summary's link to the first bad field.
const FIELD_IDS: Record<string, string> = { url: "webhook-url", description: "webhook-description", eventTypes: "webhook-events" };

function FieldErrors({ field, errors }: { field: string; errors?: string[] }) {
  return <SharedFieldErrors id={FIELD_IDS[field] ?? field} errors={errors} namespace="webhooks.fieldErrors" codes={FIELD_CODES} />;
}

/** The refusal above a form; refused fields read as the one summary every form shares. */
function Alert({ reason, fieldErrors }: { reason: string | null; fieldErrors?: Record<string, string[] | undefined> }) {
  const t = useTranslations("webhooks.errors");
  if (!reason) return null;
  if (reason === "INVALID_INPUT" && badFields(fieldErrors).length > 0) return <FieldErrorSummary fieldErrors={fieldErrors} idOf={(field) => FIELD_IDS[field] ?? field} />;
  return <ErrorNote>{t(REASONS.has(reason) ? reason : "GENERIC")}</ErrorNote>;
}

/** The secret, once: after a reload it is gone (Loket cannot show it again, only make a new one). */
function SecretOnce({ secret }: { secret: string }) {
  const t = useTranslations("webhooks");
  return (
    <div role="status" data-testid="webhook-secret" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
      <p className="font-semibold">{t("secretShownOnce")}</p>
      <code className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-slate-900">{secret}</code>
    </div>
  );
}

export function CreateWebhookForm({ allowLocalHttp }: { allowLocalHttp: boolean }) {
  const t = useTranslations("webhooks");
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => createWebhookAction({ url: form.get("url"), description: form.get("description"), eventTypes: form.getAll("eventTypes") }),
    (data, form) => {
      setSecret(data.secret);
      form.reset();
      router.refresh();
    },
  );
  return (
    <section aria-labelledby="new-webhook" className="mb-8 rounded border border-slate-200 bg-white p-4">
      <h2 id="new-webhook" className="mb-3 text-lg font-semibold">
        {t("form.heading")}
      </h2>
      {secret ? <SecretOnce secret={secret} /> : null}
      <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
        <div className="md:col-span-2">
          <Alert reason={reason} fieldErrors={fieldErrors} />
        </div>
        <div>
          <label htmlFor="webhook-url" className="font-medium">
            {t("form.url")}
          </label>
          <input id="webhook-url" name="url" type="url" required className={inputClass} aria-describedby={describedBy("webhook-url", true, fieldErrors.url)} aria-invalid={fieldErrors.url ? true : undefined} placeholder="https://" />
          <p id="webhook-url-hint" className="mt-1 text-sm text-slate-600">
            {allowLocalHttp ? t("form.urlHintDevelopment") : t("form.urlHint")}
          </p>
          <FieldErrors field="url" errors={fieldErrors.url} />
        </div>
        <div>
          <label htmlFor="webhook-description" className="font-medium">
            {t("form.description")}
          </label>
          <input id="webhook-description" name="description" className={inputClass} aria-describedby={describedBy("webhook-description", false, fieldErrors.description)} aria-invalid={fieldErrors.description ? true : undefined} />
          <FieldErrors field="description" errors={fieldErrors.description} />
        </div>
        <fieldset className="md:col-span-2" aria-describedby={fieldErrors.eventTypes ? "webhook-events-error" : undefined}>
          <legend className="font-medium">{t("form.events")}</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {WEBHOOK_EVENT_TYPES.map((type, i) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                {/* The first box carries the id the refusal summary links to. */}
                <input type="checkbox" name="eventTypes" value={type} id={i === 0 ? "webhook-events" : undefined} />
                <span>
                  {t(`events.${type.replace(".", "_")}`)} <code className="text-xs text-slate-600">{type}</code>
                </span>
              </label>
            ))}
          </div>
          <FieldErrors field="eventTypes" errors={fieldErrors.eventTypes} />
        </fieldset>
        <div className="md:col-span-2">
          <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
            {t("form.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

export function DeleteWebhookButton({ endpointId, url }: { endpointId: string; url: string }) {
  const t = useTranslations("webhooks");
  return (
    <ConfirmButton
      label={t("delete")}
      confirm={t("deleteConfirm", { url })}
      danger
      testId="webhook-delete"
      Alert={Alert}
      run={() => deleteWebhookAction({ endpointId })}
    />
  );
}

export function PauseWebhookButton({ endpointId, paused }: { endpointId: string; paused: boolean }) {
  const t = useTranslations("webhooks");
  return (
    <ConfirmButton
      label={paused ? t("resume") : t("pause")}
      done={paused ? t("resumed") : t("pausedDone")}
      testId="webhook-pause"
      Alert={Alert}
      run={() => setWebhookPausedAction({ endpointId, paused: !paused })}
    />
  );
}

export function RotateWebhookSecretButton({ endpointId }: { endpointId: string }) {
  const t = useTranslations("webhooks");
  const [ask, dialog] = useConfirm();
  const [secret, setSecret] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-2">
      {dialog}
      <Alert reason={reason} />
      {secret ? <SecretOnce secret={secret} /> : null}
      <button
        type="button"
        disabled={pending}
        data-testid="webhook-rotate"
        onClick={async () => {
          if (!(await ask(t("rotateConfirm"), { confirmLabel: t("rotate") }))) return;
          setPending(true);
          const result = await rotateWebhookSecretFormAction({ endpointId }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
          setPending(false);
          setReason(result.ok ? null : result.reason);
          setSecret(result.ok ? result.data.secret : null);
        }}
        className="rounded border border-brand-700 px-3 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
      >
        {t("rotate")}
      </button>
    </div>
  );
}

export function ResendWebhookButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations("webhooks");
  return <ConfirmButton label={t("log.resend")} done={t("log.resent")} testId="webhook-resend" Alert={Alert} run={() => resendWebhookAction({ deliveryId })} />;
}
