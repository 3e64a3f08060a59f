"use client";
import { createFormatter, useLocale, useTimeZone } from "next-intl";
import { useMemo } from "react";
import { intlLocaleOf } from "./intl-locale";

/** next-intl's formatter in a client component, in the locale dates and times are written in (intl-locale.ts). */
export function useFormatter() {
  const locale = useLocale();
  const timeZone = useTimeZone();
  return useMemo(() => createFormatter({ locale: intlLocaleOf(locale), timeZone }), [locale, timeZone]);
}
