import "server-only";
import { db } from "@/lib/db/client";
import type { SqlTx } from "@/lib/db/sql";
import { settingRow, type DbClient } from "@/lib/settings/queries";
import { DEFAULT_BRAND, type Brand, type LogoMime } from "./rules";
import { storedBrandSchema, storedLogoSchema } from "./schema";

export const BRAND_KEY = "brand";
export const LOGO_KEY = "brand.logo";

/** The house style as stored, or Loket's own when nothing (or something malformed) is. */
export async function getBrand(client: SqlTx): Promise<Brand> {
  const row = await settingRow(client, BRAND_KEY);
  if (!row) return DEFAULT_BRAND;
  const parsed = storedBrandSchema.safeParse(row.value);
  if (!parsed.success) {
    console.error(`[settings] "${BRAND_KEY}" is malformed; using the default`);
    return DEFAULT_BRAND;
  }
  return { ...parsed.data, custom: true };
}

export interface BrandLogo {
  mime: LogoMime;
  version: string;
  bytes: Uint8Array;
}

/** The logo's bytes, or null when there is none. */
export async function getBrandLogo(client: DbClient): Promise<BrandLogo | null> {
  const row = await settingRow(client, LOGO_KEY);
  const parsed = row ? storedLogoSchema.safeParse(row.value) : null;
  if (!parsed?.success) return null;
  return { mime: parsed.data.mime, version: parsed.data.version, bytes: new Uint8Array(Buffer.from(parsed.data.base64, "base64")) };
}

/** What a letter's letterhead prints: name, colour and the logo's bytes. */
export async function loadLetterBrand(client: DbClient = db): Promise<{ name: string; primaryColor: string; logo: BrandLogo | null }> {
  const [brand, logo] = await Promise.all([getBrand(client), getBrandLogo(client)]);
  return { name: brand.name, primaryColor: brand.primaryColor, logo: brand.logoVersion ? logo : null };
}

// Every page's layout shows the brand, so it is read once per few seconds per process, not per
// request. A save forgets it at once here; other processes follow within CACHE_MS.
const CACHE_MS = 10_000;
let cached: { brand: Brand; at: number } | null = null;
let cachedLogo: BrandLogo | null = null;

/** The brand for page layouts: cached briefly, and never failing a page (the default instead). */
export async function loadBrand(): Promise<Brand> {
  const now = Date.now();
  if (cached && now - cached.at < CACHE_MS) return cached.brand;
  try {
    const brand = await getBrand(db);
    cached = { brand, at: now };
    return brand;
  } catch (error) {
    console.error("[brand] could not be read; showing the default", error instanceof Error ? error.message : error);
    return DEFAULT_BRAND;
  }
}

/** The logo for the public route: kept in memory while its version is current. */
export async function loadBrandLogo(): Promise<BrandLogo | null> {
  const brand = await loadBrand();
  if (!brand.logoVersion) return null;
  if (cachedLogo?.version === brand.logoVersion) return cachedLogo;
  const logo = await getBrandLogo(db);
  cachedLogo = logo;
  return logo;
}

/** After a save: the next page shows the new style. */
export function forgetBrand(): void {
  cached = null;
  cachedLogo = null;
}
