"use client";
import { useTranslations } from "next-intl";
import { describedBy, FieldErrors as SharedFieldErrors, inputClass } from "@/components/ui/field-errors";

// Form fields of the staff pages. Ids are explicit: several forms of one page share field names.
const FIELD_CODES = new Set(["REQUIRED", "TOO_SHORT", "TOO_LONG", "CHOOSE_ROLE", "INVALID_EMAIL", "TEAM_KEY", "NOT_STAFF_ROLE"]);

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  return <SharedFieldErrors id={id} errors={errors} namespace="staffFieldErrors" codes={FIELD_CODES} />;
}

export function Field(props: { id: string; name: string; label: string; hint?: string; errors?: string[]; type?: string; defaultValue?: string; autoComplete?: string }) {
  const { id, name, label, hint, errors, type = "text", defaultValue, autoComplete = "off" } = props;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      <input
        id={id}
        name={name}
        type={type}
        required
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
      />
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

export function RoleSelect({ id, roles, defaultValue, errors }: { id: string; roles: readonly string[]; defaultValue?: string; errors?: string[] }) {
  const t = useTranslations("staffAdmin");
  const tr = useTranslations("roles");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{t("role")}</label>
      <select id={id} name="role" defaultValue={defaultValue} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, undefined, errors)} className={inputClass}>
        {roles.map((role) => (
          <option key={role} value={role}>{tr(role)}</option>
        ))}
      </select>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

export function TeamChecks({ prefix, teams, checked }: { prefix: string; teams: { id: string; name: string }[]; checked: readonly string[] }) {
  const t = useTranslations("staffAdmin");
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">{t("teams")}</legend>
      {teams.length === 0 ? <p className="text-sm text-slate-600">{t("noTeams")}</p> : null}
      {teams.map((team) => (
        <div key={team.id} className="flex items-center gap-2">
          <input id={`${prefix}-${team.id}`} name="teamIds" value={team.id} type="checkbox" defaultChecked={checked.includes(team.id)} className="h-4 w-4" />
          <label htmlFor={`${prefix}-${team.id}`} className="text-sm">{team.name}</label>
        </div>
      ))}
    </fieldset>
  );
}
