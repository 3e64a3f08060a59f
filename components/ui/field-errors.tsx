"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatLimit, parseErrorCode } from "@/lib/forms/error-code";

// The parts every admin and portal form field shares: the input's look, the ids a field refers
// to for its hint and its errors, and the errors themselves, each code translated in the form's
// own namespace (a code the form does not know reads as the namespace's INVALID).

export const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2";

export function describedBy(id: string, hint: unknown, errors?: string[]): string | undefined {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldErrors({ id, errors, namespace, codes }: { id: string; errors?: string[]; namespace: string; codes: ReadonlySet<string> }) {
  const t = useTranslations(namespace);
  const locale = useLocale();
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
      {errors
        .map((raw) => {
          // A code may carry its limit ("TOO_LONG:10000"): the message names it in the page's number format.
          const { code, limit } = parseErrorCode(raw);
          return t(codes.has(code) ? code : "INVALID", { limit: limit === undefined ? "" : formatLimit(limit, locale) });
        })
        .join(" ")}
    </p>
  );
}
