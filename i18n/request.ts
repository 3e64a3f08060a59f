import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "./locales";
import { loadMessages } from "./messages";

// No locale in the URL: public-sector links stay stable; the choice lives in a cookie. A locale
// asked for by name (getTranslations({ locale })) wins: a text for someone else, in their language.
export default getRequestConfig(async ({ locale: asked }) => {
  const locale = asked ? toLocale(asked) : toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: await loadMessages(locale), timeZone: "Europe/Amsterdam" };
});
