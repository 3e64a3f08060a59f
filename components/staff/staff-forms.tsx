"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { changeStaffAction, inviteStaffAction, resetStaffTwoFactorAction, setStaffActiveAction } from "@/lib/staff/actions";
import { Field, RoleSelect, TeamChecks } from "./fields";
import { StaffAlert } from "./staff-alert";

type Team = { id: string; name: string };

export function InviteStaffForm({ roles, teams }: { roles: readonly string[]; teams: Team[] }) {
  const t = useTranslations("staffAdmin");
  const router = useRouter();
  const [invited, setInvited] = useState<string | null>(null);
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => inviteStaffAction({ name: form.get("name"), email: form.get("email"), role: form.get("role"), teamIds: form.getAll("teamIds") }),
    (data: { email: string }, form) => {
      setInvited(data.email);
      form.reset();
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("inviteTitle")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <StaffAlert reason={reason} fieldErrors={fieldErrors} idOf={(field) => `invite-${field}`} />
      {succeeded && invited ? <SuccessNote>{t("invited", { email: invited })}</SuccessNote> : null}
      <Field id="invite-name" name="name" label={t("name")} errors={fieldErrors.name} />
      <Field id="invite-email" name="email" type="email" label={t("email")} errors={fieldErrors.email} />
      <RoleSelect id="invite-role" roles={roles} defaultValue="CALLCENTER_AGENT" errors={fieldErrors.role} />
      <TeamChecks prefix="invite-team" teams={teams} checked={[]} />
      <SubmitButton pending={pending} label={t("invite")} pendingLabel={t("working")} />
    </form>
  );
}

export function StaffEditForm({ user, roles, teams }: { user: { id: string; name: string; role: string; teamIds: string[] }; roles: readonly string[]; teams: Team[] }) {
  const t = useTranslations("staffAdmin");
  const router = useRouter();
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => changeStaffAction({ userId: user.id, role: form.get("role"), teamIds: form.getAll("teamIds") }),
    () => {
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("editOf", { name: user.name })} className="space-y-3">
      <StaffAlert reason={reason} fieldErrors={fieldErrors} idOf={(field) => `${field}-${user.id}`} />
      {succeeded ? <SuccessNote>{t("saved")}</SuccessNote> : null}
      <RoleSelect id={`role-${user.id}`} roles={roles} defaultValue={user.role} errors={fieldErrors.role} />
      <TeamChecks prefix={`team-${user.id}`} teams={teams} checked={user.teamIds} />
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("working")} />
    </form>
  );
}

export function ActiveToggle({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const t = useTranslations("staffAdmin");
  return active ? (
    <ConfirmButton testId="deactivate" danger label={t("deactivate", { name })} confirm={t("confirmDeactivate", { name })} run={() => setStaffActiveAction({ userId, active: false })} Alert={StaffAlert} />
  ) : (
    <ConfirmButton testId="reactivate" label={t("reactivate", { name })} confirm={t("confirmReactivate", { name })} run={() => setStaffActiveAction({ userId, active: true })} Alert={StaffAlert} />
  );
}

export function ResetTwoFactorButton({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("staffAdmin");
  return <ConfirmButton testId="reset-two-factor" label={t("resetTwoFactor", { name })} confirm={t("confirmReset", { name })} run={() => resetStaffTwoFactorAction({ userId })} Alert={StaffAlert} />;
}
