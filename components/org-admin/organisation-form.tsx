"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { createOrganisationServerAction, updateOrganisationServerAction } from "@/lib/org-admin/actions";
import { CheckField, SelectField, TextField } from "./fields";
import { OrgAdminAlert } from "./org-alert";

type Person = { id: string; name: string };

export interface OrganisationValues {
  id: string;
  externalNumber: string;
  name: string;
  kvkNumber: string | null;
  rsin: string | null;
  kind: "EMPLOYER" | "PARTNER";
  isPartner: boolean;
  twoFactorRequired: boolean;
  customerSuccessManagerId: string | null;
  fixedCaseHandlerId: string | null;
  postalStreet: string | null;
  postalCode: string | null;
  postalCity: string | null;
}

function fieldsOf(form: FormData) {
  return {
    externalNumber: form.get("externalNumber"),
    name: form.get("name"),
    kvkNumber: form.get("kvkNumber"),
    rsin: form.get("rsin"),
    kind: form.get("kind"),
    isPartner: form.get("isPartner") === "on",
    twoFactorRequired: form.get("twoFactorRequired") === "on",
    customerSuccessManagerId: form.get("customerSuccessManagerId") || null,
    fixedCaseHandlerId: form.get("fixedCaseHandlerId") || null,
    postalStreet: form.get("postalStreet"),
    postalCode: form.get("postalCode"),
    postalCity: form.get("postalCity"),
  };
}

// The inputs' id suffixes, for the refusal summary's link to the first bad field.
const FIELD_IDS: Record<string, string> = {
  externalNumber: "number", name: "name", kvkNumber: "kvk", rsin: "rsin", kind: "kind", customerSuccessManagerId: "csm", fixedCaseHandlerId: "handler",
  postalStreet: "street", postalCode: "postcode", postalCity: "city",
};

/**
 * Creates an organisation (no `organisation`: then opens its page, where the main contact is
 * invited) or edits one. People who are no longer active still show when they are the current choice.
 */
export function OrganisationForm({ organisation, csms, handlers }: { organisation?: OrganisationValues; csms: Person[]; handlers: Person[] }) {
  const t = useTranslations("orgAdmin");
  const router = useRouter();
  const editing = organisation !== undefined;
  const prefix = editing ? "org-edit" : "org-new";
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => (editing ? updateOrganisationServerAction({ organisationId: organisation.id, ...fieldsOf(form) }) : createOrganisationServerAction(fieldsOf(form))),
    (data: { id: string } | undefined) => {
      if (!editing && data) router.push(`/agent/beheer/organisaties/${data.id}`);
      else router.refresh();
    },
  );
  const none = { value: "", label: t("fields.noneOption") };
  const people = (list: Person[]) => [none, ...list.map((p) => ({ value: p.id, label: p.name }))];
  return (
    <form onSubmit={onSubmit} noValidate aria-label={editing ? t("detailsTitle") : t("createTitle")} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid={editing ? "organisation-edit-form" : "organisation-create-form"}>
      <OrgAdminAlert reason={reason} fieldErrors={fieldErrors} idOf={(field) => `${prefix}-${FIELD_IDS[field] ?? field}`} />
      {succeeded ? <SuccessNote>{editing ? t("saved") : t("created")}</SuccessNote> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={`${prefix}-number`} name="externalNumber" label={t("fields.externalNumber")} hint={t("fields.externalNumberHint")} required defaultValue={organisation?.externalNumber} errors={fieldErrors.externalNumber} />
        <TextField id={`${prefix}-name`} name="name" label={t("fields.name")} required defaultValue={organisation?.name} errors={fieldErrors.name} />
        <TextField id={`${prefix}-kvk`} name="kvkNumber" label={t("fields.kvkNumber")} hint={t("fields.kvkNumberHint")} defaultValue={organisation?.kvkNumber} errors={fieldErrors.kvkNumber} />
        <TextField id={`${prefix}-rsin`} name="rsin" label={t("fields.rsin")} hint={t("fields.rsinHint")} defaultValue={organisation?.rsin} errors={fieldErrors.rsin} />
        <SelectField
          id={`${prefix}-kind`}
          name="kind"
          label={t("fields.kind")}
          defaultValue={organisation?.kind ?? "EMPLOYER"}
          options={[{ value: "EMPLOYER", label: t("kinds.EMPLOYER") }, { value: "PARTNER", label: t("kinds.PARTNER") }]}
          errors={fieldErrors.kind}
        />
        <SelectField id={`${prefix}-csm`} name="customerSuccessManagerId" label={t("fields.csm")} defaultValue={organisation?.customerSuccessManagerId} options={people(csms)} errors={fieldErrors.customerSuccessManagerId} />
        <SelectField
          id={`${prefix}-handler`}
          name="fixedCaseHandlerId"
          label={t("fields.handler")}
          hint={t("fields.handlerHint")}
          defaultValue={organisation?.fixedCaseHandlerId}
          options={people(handlers)}
          errors={fieldErrors.fixedCaseHandlerId}
        />
      </div>
      <div className="space-y-2">
        <CheckField id={`${prefix}-partner`} name="isPartner" label={t("fields.isPartner")} defaultChecked={organisation?.isPartner} />
        <CheckField id={`${prefix}-2fa`} name="twoFactorRequired" label={t("fields.twoFactorRequired")} defaultChecked={organisation?.twoFactorRequired} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-800">{t("fields.address")}</legend>
        <TextField id={`${prefix}-street`} name="postalStreet" label={t("fields.street")} defaultValue={organisation?.postalStreet} errors={fieldErrors.postalStreet} />
        <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
          <TextField id={`${prefix}-postcode`} name="postalCode" label={t("fields.postalCode")} defaultValue={organisation?.postalCode} errors={fieldErrors.postalCode} />
          <TextField id={`${prefix}-city`} name="postalCity" label={t("fields.city")} defaultValue={organisation?.postalCity} errors={fieldErrors.postalCity} />
        </div>
      </fieldset>
      <SubmitButton pending={pending} label={editing ? t("save") : t("create")} pendingLabel={t("working")} />
    </form>
  );
}
