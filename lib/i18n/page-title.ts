import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can, type Permission } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { loadBrand } from "@/lib/brand/queries";
import type messages from "@/messages/nl/titles.json";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key under the `titles` namespace (messages/<locale>/titles.json), checked by the compiler. */
export type TitleKey = Exclude<Leaves<(typeof messages)["titles"]>, `areas.${string}`>;
export type TitleArea = keyof (typeof messages)["titles"]["areas"];

/**
 * For an area's layout: every page title below it ends in the place and the organisation's name
 * ("LK-2026-000010 · Werkplek · Loket"), so someone with several tabs open can tell them apart.
 * A template replaces the root layout's, so the brand's name is repeated here.
 */
export async function areaTitle(area: TitleArea): Promise<Metadata> {
  const suffix = await areaSuffix(area);
  return { title: { default: suffix, template: `%s · ${suffix}` } };
}

async function areaSuffix(area: TitleArea): Promise<string> {
  const [t, brand] = await Promise.all([getTranslations("titles.areas"), loadBrand()]);
  return `${t(area)} · ${brand.name}`;
}

/**
 * For the page beside an area's layout (its home): a layout's template reaches only the segments
 * below it, so this page spells out the whole title itself.
 */
export function areaHomeTitle(area: TitleArea, key: TitleKey): () => Promise<Metadata> {
  return async () => {
    const [title, suffix] = await Promise.all([titleText(key), areaSuffix(area)]);
    return { title: { absolute: `${title} · ${suffix}` } };
  };
}

/** The translated text of a title, in the person's language. */
export async function titleText(key: TitleKey, values?: Record<string, string>): Promise<string> {
  return (await getTranslations("titles"))(key, values);
}

/** A page's `generateMetadata` for a fixed title: `export const generateMetadata = pageTitle("agent.kpi")`. */
export function pageTitle(key: TitleKey): () => Promise<Metadata> {
  return async () => ({ title: await titleText(key) });
}

/**
 * A record page's title: the record read with the page's own scoped query (pass the same
 * React-`cache`d function the page calls, so both share one read), and the generic title when
 * there is no session, no permission, or the record is not this person's to see: a tab never
 * names what the page itself would refuse.
 */
export async function recordTitle<T>(
  permission: Permission,
  load: (user: SessionUser) => Promise<T | null>,
  name: (record: T) => Promise<string> | string,
  fallback: TitleKey,
): Promise<Metadata> {
  const user = await getSessionUser();
  const record = user && can(user, permission) ? await load(user) : null;
  return { title: record ? await name(record) : await titleText(fallback) };
}
