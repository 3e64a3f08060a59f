import "server-only";
import { getBrand } from "@/lib/brand/queries";
import type { SqlTx } from "@/lib/db/sql";
import { cachedReference } from "@/lib/reference/cache";
import type { DbClient } from "@/lib/settings/queries";
import { TEMPLATE_KEYS, templateDef, type TemplateKey, type TemplateLocale, type TemplateValues } from "./registry";
import { renderTemplate, type RenderedMail } from "./render";

/**
 * The text of a mail as the admin worded it (MailTemplate row) or as built in. Read through the
 * sender's transaction client; cannot fail on the template (it was validated on save).
 */
export async function mailText<K extends TemplateKey>(client: SqlTx, key: K, locale: TemplateLocale, values: TemplateValues<K>): Promise<RenderedMail> {
  const [row, brand] = await Promise.all([
    // Raw, so it loads in a raw transaction too (lib/settings/queries.ts).
    cachedReference(client, `mailTemplate:${key}:${locale}`, async (c) => {
      const [template] = await c.$queryRaw<{ subject: string; body: string }[]>`
        SELECT "subject", "body" FROM "MailTemplate" WHERE "key" = ${key} AND "locale" = ${locale}::"Locale"`;
      return template ?? null;
    }),
    getBrand(client),
  ]);
  return renderTemplate(key, locale, { ...values, afzender: brand.name }, row);
}

export interface TemplateAdminRow {
  key: TemplateKey;
  locale: TemplateLocale;
  subject: string;
  body: string;
  /** Saved by an admin (false: the built-in text). */
  custom: boolean;
  updatedAt: string | null;
}

/** Every template in both languages, as the admin page lists them. */
export async function loadTemplatesAdmin(client: DbClient): Promise<TemplateAdminRow[]> {
  const rows = await client.mailTemplate.findMany({ select: { key: true, locale: true, subject: true, body: true, updatedAt: true } });
  return TEMPLATE_KEYS.flatMap((key) =>
    (["nl", "en"] as const).map((locale) => {
      const row = rows.find((r) => r.key === key && r.locale === locale);
      const fallback = templateDef(key).defaults[locale];
      return { key, locale, subject: row?.subject ?? fallback.subject, body: row?.body ?? fallback.body, custom: Boolean(row), updatedAt: row?.updatedAt.toISOString() ?? null };
    }),
  );
}
