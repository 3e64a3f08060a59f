"use client";
import { describedBy, FieldErrors as SharedFieldErrors, inputClass } from "@/components/ui/field-errors";

// Form fields of the organisation pages. Ids are explicit: the create and edit forms share names.
const FIELD_CODES = new Set(["REQUIRED", "TOO_SHORT", "TOO_LONG", "CHOOSE_KIND", "INVALID_EMAIL", "EXTERNAL_NUMBER", "KVK_NUMBER", "RSIN", "RSIN_CHECK", "POSTCODE"]);

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  return <SharedFieldErrors id={id} errors={errors} namespace="orgAdminFieldErrors" codes={FIELD_CODES} />;
}

export function TextField(props: { id: string; name: string; label: string; hint?: string; errors?: string[]; type?: string; defaultValue?: string | null; required?: boolean; autoComplete?: string }) {
  const { id, name, label, hint, errors, type = "text", defaultValue, required = false, autoComplete = "off" } = props;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        defaultValue={defaultValue ?? ""}
        autoComplete={autoComplete}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
      />
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

export function SelectField(props: { id: string; name: string; label: string; hint?: string; errors?: string[]; options: { value: string; label: string }[]; defaultValue?: string | null }) {
  const { id, name, label, hint, errors, options, defaultValue } = props;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      <select id={id} name={name} defaultValue={defaultValue ?? ""} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} className={inputClass}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

export function CheckField({ id, name, label, defaultChecked }: { id: string; name: string; label: string; defaultChecked?: boolean }) {
  return (
    <div className="flex items-start gap-2">
      <input id={id} name={name} type="checkbox" defaultChecked={defaultChecked} className="mt-1 h-4 w-4" />
      <label htmlFor={id} className="text-sm text-slate-800">{label}</label>
    </div>
  );
}
