"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { deactivateAction, inviteAction, setRightsAction, setTwoFactorRequiredAction } from "@/lib/organisations/actions";
import { GRANTABLE_RIGHTS } from "@/lib/organisations/schema";
import { FormAlert, TextField } from "./form-fields";

function RightsCheckboxes({ prefix, rights, hrProfessional }: { prefix: string; rights: readonly string[]; hrProfessional: boolean }) {
  const t = useTranslations("werkgever.accounts");
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">{t("rights")}</legend>
      {GRANTABLE_RIGHTS.map((right) => (
        <div key={right} className="flex items-center gap-2">
          <input id={`${prefix}-${right}`} name="rights" value={right} type="checkbox" defaultChecked={rights.includes(right)} className="h-4 w-4" />
          <label htmlFor={`${prefix}-${right}`} className="text-sm">{t(`right.${right}`)}</label>
        </div>
      ))}
      <div className="flex items-center gap-2">
        <input id={`${prefix}-hr`} name="hrProfessional" type="checkbox" defaultChecked={hrProfessional} className="h-4 w-4" />
        <label htmlFor={`${prefix}-hr`} className="text-sm">{t("right.HR_PROFESSIONAL")}</label>
      </div>
    </fieldset>
  );
}

export function InviteForm() {
  const t = useTranslations("werkgever.accounts");
  const router = useRouter();
  const [invited, setInvited] = useState<string | null>(null);
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) =>
      inviteAction({
        email: form.get("email"),
        name: form.get("name"),
        rights: form.getAll("rights"),
        hrProfessional: form.get("hrProfessional") === "on",
      }),
    (_data, form) => {
      setInvited(String(new FormData(form).get("email") ?? ""));
      form.reset();
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-label={t("inviteTitle")}>
      <FormAlert reason={reason} fieldErrors={fieldErrors} />
      {succeeded && invited ? <SuccessNote>{t("invited", { email: invited })}</SuccessNote> : null}
      <TextField name="name" label={t("name")} required errors={fieldErrors.name} autoComplete="off" />
      <TextField name="email" type="email" label={t("email")} required errors={fieldErrors.email} autoComplete="off" />
      <RightsCheckboxes prefix="invite" rights={["SUBMIT_REQUESTS"]} hrProfessional={false} />
      <SubmitButton pending={pending} label={t("invite")} pendingLabel={t("sending")} />
    </form>
  );
}

export function RightsForm({ userId, name, rights, hrProfessional }: { userId: string; name: string; rights: readonly string[]; hrProfessional: boolean }) {
  const t = useTranslations("werkgever.accounts");
  const router = useRouter();
  const { pending, succeeded, reason, onSubmit } = useFormAction(
    (form) => setRightsAction({ userId, rights: form.getAll("rights"), hrProfessional: form.get("hrProfessional") === "on" }),
    () => {
      router.refresh();
    },
  );
  // A refused change kept the stored rights: show them again (the boxes' defaults are the stored
  // state), so a box unticked in vain does not look unticked.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (reason) formRef.current?.reset();
  }, [reason]);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-2" aria-label={t("rightsOf", { name })}>
      <FormAlert reason={reason} />
      {succeeded ? <SuccessNote>{t("saved")}</SuccessNote> : null}
      <RightsCheckboxes prefix={`rights-${userId}`} rights={rights} hrProfessional={hrProfessional} />
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("sending")} />
    </form>
  );
}

export function DeactivateButton({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("werkgever.accounts");
  return <ConfirmButton testId="deactivate" danger label={t("deactivate", { name })} confirm={t("confirmDeactivate", { name })} run={() => deactivateAction({ userId })} Alert={FormAlert} />;
}

export function TwoFactorSettingForm({ required }: { required: boolean }) {
  const t = useTranslations("werkgever.accounts");
  const router = useRouter();
  const { pending, succeeded, reason, onSubmit } = useFormAction(
    (form) => setTwoFactorRequiredAction({ required: form.get("required") === "on" }),
    () => {
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-label={t("twoFactorTitle")}>
      <FormAlert reason={reason} />
      {succeeded ? <SuccessNote>{t("saved")}</SuccessNote> : null}
      <div className="flex items-start gap-2">
        <input id="two-factor-required" name="required" type="checkbox" defaultChecked={required} className="mt-1 h-4 w-4" />
        <label htmlFor="two-factor-required" className="text-sm">{t("twoFactorRequired")}</label>
      </div>
      <SubmitButton pending={pending} label={t("saveSetting")} pendingLabel={t("sending")} />
    </form>
  );
}
