"use client";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createTeamAction, renameTeamAction } from "@/lib/staff/actions";
import { Field } from "./fields";
import { StaffAlert } from "./staff-alert";

export function CreateTeamForm() {
  const t = useTranslations("teamsAdmin");
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => createTeamAction({ key: form.get("key"), name: form.get("name") }),
    (_data, form) => {
      setCreated(String(new FormData(form).get("name") ?? ""));
      form.reset();
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("createTitle")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <StaffAlert reason={reason} fieldErrors={fieldErrors} idOf={(field) => `team-${field}`} />
      {succeeded && created ? <SuccessNote>{t("created", { name: created })}</SuccessNote> : null}
      <Field id="team-key" name="key" label={t("key")} hint={t("keyHint")} errors={fieldErrors.key} />
      <Field id="team-name" name="name" label={t("name")} errors={fieldErrors.name} />
      <SubmitButton pending={pending} label={t("create")} pendingLabel={t("working")} />
    </form>
  );
}

export function RenameTeamForm({ team }: { team: { id: string; name: string } }) {
  const t = useTranslations("teamsAdmin");
  const router = useRouter();
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => renameTeamAction({ teamId: team.id, name: form.get("name") }),
    () => {
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("renameOf", { name: team.name })} className="flex flex-wrap items-end gap-2">
      <div className="min-w-48 flex-1">
        <Field id={`rename-${team.id}`} name="name" label={t("newName")} defaultValue={team.name} errors={fieldErrors.name} />
      </div>
      <SubmitButton pending={pending} label={t("rename")} pendingLabel={t("working")} />
      <div className="w-full">
        <StaffAlert reason={reason} fieldErrors={fieldErrors} idOf={() => `rename-${team.id}`} />
        {succeeded ? <SuccessNote>{t("saved")}</SuccessNote> : null}
      </div>
    </form>
  );
}
