"use client";
import { useTranslations } from "next-intl";
import { badFields } from "@/lib/forms/error-code";
import { firstIdInPage } from "./first-in-page";

/**
 * The one line above a refused form, in the same words on every form: how many fields still need
 * attention, with a link to the first of them. The field errors themselves stand under each field,
 * all at once; focus already moved to the first bad field, the link brings it back.
 */
export function FieldErrorSummary({
  fieldErrors,
  idOf = (field) => field,
}: {
  fieldErrors: Record<string, string[] | undefined> | undefined;
  /** The id of a field's input, when the form does not use the field's name as its id ("macro-title"). */
  idOf?: (field: string) => string;
}) {
  const t = useTranslations("errors");
  const fields = badFields(fieldErrors);
  if (fields.length === 0) return null;
  return (
    <div role="alert" data-testid="form-error" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      {t("fieldSummary", { count: fields.length })}{" "}
      <a href={`#${firstIdInPage(fields.map(idOf))}`} className="font-medium underline">{t("toFirstField")}</a>
    </div>
  );
}
