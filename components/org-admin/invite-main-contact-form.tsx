"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { inviteMainContactServerAction, setOrganisationActiveServerAction } from "@/lib/org-admin/actions";
import { TextField } from "./fields";
import { OrgAdminAlert } from "./org-alert";

export function InviteMainContactForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("orgAdmin");
  const router = useRouter();
  const [invited, setInvited] = useState<string | null>(null);
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => inviteMainContactServerAction({ organisationId, name: form.get("name"), email: form.get("email") }),
    (data: { email: string }, form) => {
      setInvited(data.email);
      form.reset();
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("inviteTitle")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="invite-main-contact-form">
      <OrgAdminAlert reason={reason} fieldErrors={fieldErrors} idOf={(field) => `main-contact-${field}`} />
      {succeeded && invited ? <SuccessNote>{t("invited", { email: invited })}</SuccessNote> : null}
      <TextField id="main-contact-name" name="name" label={t("contactName")} required autoComplete="off" errors={fieldErrors.name} />
      <TextField id="main-contact-email" name="email" type="email" label={t("contactEmail")} required errors={fieldErrors.email} />
      <SubmitButton pending={pending} label={t("invite")} pendingLabel={t("working")} />
    </form>
  );
}

export function OrganisationActiveToggle({ organisationId, name, active }: { organisationId: string; name: string; active: boolean }) {
  const t = useTranslations("orgAdmin");
  return active ? (
    <ConfirmButton
      testId="deactivate-organisation"
      danger
      label={t("deactivate", { name })}
      confirm={t("confirmDeactivate", { name })}
      run={() => setOrganisationActiveServerAction({ organisationId, active: false })}
      Alert={OrgAdminAlert}
    />
  ) : (
    <ConfirmButton
      testId="reactivate-organisation"
      label={t("reactivate", { name })}
      confirm={t("confirmReactivate", { name })}
      run={() => setOrganisationActiveServerAction({ organisationId, active: true })}
      Alert={OrgAdminAlert}
    />
  );
}
