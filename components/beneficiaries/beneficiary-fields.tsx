"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatLimit, parseErrorCode } from "@/lib/forms/error-code";

// The fields of a beneficiary's details, shared by the create and edit forms. Ids carry a prefix:
// both forms can be on one page.
const FIELD_CODES = new Set(["REQUIRED", "TOO_SHORT", "TOO_LONG", "INVALID_EMAIL", "CLIENT_NUMBER", "PHONE", "POSTCODE", "EMAIL_IN_USE", "CLIENT_NUMBER_TAKEN", "EMAIL_NEEDED_FOR_PORTAL"]);
const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

export interface BeneficiaryValues {
  name: string;
  email: string;
  clientNumber: string;
  phone: string | null;
  postalStreet: string | null;
  postalCode: string | null;
  postalCity: string | null;
  locale: string;
}

export function valuesOf(form: FormData): Record<string, FormDataEntryValue | null> {
  const keys = ["name", "email", "clientNumber", "phone", "postalStreet", "postalCode", "postalCity", "locale"];
  return Object.fromEntries(keys.map((key) => [key, form.get(key)]));
}

function Input(props: { prefix: string; name: keyof BeneficiaryValues; type?: string; required?: boolean; autoComplete: string; value?: string | null; errors?: string[] }) {
  const t = useTranslations("peopleAdmin");
  const tf = useTranslations("peopleFieldErrors");
  const locale = useLocale();
  const id = `${props.prefix}-${props.name}`;
  const invalid = Boolean(props.errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{t(props.name)}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        required={props.required}
        autoComplete={props.autoComplete}
        defaultValue={props.value ?? ""}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className={inputClass}
      />
      {invalid ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {props.errors!
            .map((raw) => {
              // "TOO_LONG:120": the schema's limit, in the page's number format.
              const { code, limit } = parseErrorCode(raw);
              return tf(FIELD_CODES.has(code) ? code : "INVALID", { limit: limit === undefined ? "" : formatLimit(limit, locale) });
            })
            .join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function BeneficiaryFields({ prefix, values, errors }: { prefix: string; values?: BeneficiaryValues; errors: Record<string, string[]> }) {
  const t = useTranslations("peopleAdmin");
  return (
    <>
      <Input prefix={prefix} name="name" required autoComplete="off" value={values?.name} errors={errors.name} />
      <Input prefix={prefix} name="email" type="email" autoComplete="off" value={values?.email} errors={errors.email} />
      <Input prefix={prefix} name="clientNumber" required autoComplete="off" value={values?.clientNumber} errors={errors.clientNumber} />
      <Input prefix={prefix} name="phone" type="tel" autoComplete="off" value={values?.phone} errors={errors.phone} />
      <Input prefix={prefix} name="postalStreet" autoComplete="off" value={values?.postalStreet} errors={errors.postalStreet} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Input prefix={prefix} name="postalCode" autoComplete="off" value={values?.postalCode} errors={errors.postalCode} />
        <Input prefix={prefix} name="postalCity" autoComplete="off" value={values?.postalCity} errors={errors.postalCity} />
      </div>
      <div>
        <label htmlFor={`${prefix}-locale`} className="block text-sm font-medium text-slate-800">{t("locale")}</label>
        <select id={`${prefix}-locale`} name="locale" defaultValue={values?.locale ?? "nl"} className={inputClass}>
          <option value="nl">{t("localeNl")}</option>
          <option value="en">{t("localeEn")}</option>
        </select>
      </div>
    </>
  );
}
