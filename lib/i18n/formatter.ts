import "server-only";
import { createFormatter } from "next-intl";
import { getLocale, getTimeZone } from "next-intl/server";
import { cache } from "react";
import { intlLocaleOf } from "./intl-locale";

/** next-intl's formatter for this request, in the locale dates and times are written in (intl-locale.ts). */
export const getFormatter = cache(async () => {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return createFormatter({ locale: intlLocaleOf(locale), timeZone, now: new Date() });
});
