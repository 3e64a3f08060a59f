// The organisation's house style: its name, colours and logo. Pure and client-safe: the admin form
// checks a colour with the same contrast rule the server enforces, and the layouts derive their
// palette from it.
import { sniffMime } from "@/lib/uploads/rules";

export const DEFAULT_BRAND_NAME = "Loket";
/** The built-in colour (globals.css --color-brand-700). */
export const DEFAULT_PRIMARY = "#115467";
export const NAME_MIN = 2;
export const NAME_MAX = 80;
/** WCAG 2.2 AA for normal text: the header and buttons put white text on the primary colour. */
export const MIN_CONTRAST = 4.5;
export const LOGO_MAX_BYTES = 500 * 1024;

export type LogoMime = "image/png" | "image/jpeg";
export type LogoRefusal = "LOGO_TOO_LARGE" | "LOGO_TYPE_NOT_ALLOWED";

export interface Brand {
  name: string;
  primaryColor: string;
  /** The navigation bar; null: a darker shade of the primary colour. */
  secondaryColor: string | null;
  /** Changes with every new logo, so the browser may keep one for a year. */
  logoVersion: string | null;
  /** False while nothing was set: everything looks as Loket always did. */
  custom: boolean;
}

export const DEFAULT_BRAND: Brand = Object.freeze({ name: DEFAULT_BRAND_NAME, primaryColor: DEFAULT_PRIMARY, secondaryColor: null, logoVersion: null, custom: false });

const HEX = /^#[0-9a-f]{6}$/;

export function isHexColour(value: string): boolean {
  return HEX.test(value.toLowerCase());
}

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const v = hex.toLowerCase();
  if (!HEX.test(v)) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(v.slice(1, 3), 16), parseInt(v.slice(3, 5), 16), parseInt(v.slice(5, 7), 16)];
}

function hexOf([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The ratio as people read it: rounded down to one decimal, so 4.49 never shows as "4.5". */
export function shownRatio(ratio: number): number {
  return Math.floor(ratio * 10) / 10;
}

/** Whether white text on this colour is readable (AA). */
export function readableWithWhite(hex: string): boolean {
  return contrastRatio(hex, "#ffffff") >= MIN_CONTRAST;
}

/** `share` of the way from `from` to `to` (0: from, 1: to). */
function mix(from: string, to: string, share: number): string {
  const a = rgbOf(from);
  const b = rgbOf(to);
  return hexOf([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * share) as Rgb);
}

/** The first tint (toward white) that still contrasts with every given colour; white always does. */
function tint(primary: string, shares: readonly number[], against: readonly string[]): string {
  for (const share of shares) {
    const candidate = mix(primary, "#ffffff", share);
    if (against.every((c) => contrastRatio(candidate, c) >= MIN_CONTRAST)) return candidate;
  }
  return "#ffffff";
}

/**
 * The shades the interface uses (globals.css --color-brand-*), derived from the brand's colours so
 * every pairing the pages use keeps AA contrast: white on 600/700/800, 700 on 50, 100 on 700/800.
 */
export function brandPalette(brand: Pick<Brand, "primaryColor" | "secondaryColor">): Record<"50" | "100" | "600" | "700" | "800", string> {
  const primary = brand.primaryColor.toLowerCase();
  const dark = brand.secondaryColor?.toLowerCase() ?? mix(primary, "#000000", 0.22);
  // Hover shade: a little lighter, as long as white text stays readable on it.
  const hover = [0.12, 0.08, 0.04].map((s) => mix(primary, "#ffffff", s)).find(readableWithWhite) ?? primary;
  return {
    "50": tint(primary, [0.93, 0.96], [primary, dark]),
    "100": tint(primary, [0.84, 0.9, 0.95], [primary, dark]),
    "600": hover,
    "700": primary,
    "800": dark,
  };
}

/** The CSS custom properties that restyle a page; none while the built-in style applies. */
export function brandCssVariables(brand: Brand): Record<string, string> | undefined {
  if (!brand.custom) return undefined;
  return Object.fromEntries(Object.entries(brandPalette(brand)).map(([shade, hex]) => [`--color-brand-${shade}`, hex]));
}

/**
 * A logo may be a PNG or a JPEG of at most 500 KB, decided by its bytes. SVG is refused: it can
 * carry script, and the letters' PDF cannot draw it anyway.
 */
export function checkLogo(bytes: Uint8Array): { ok: true; mime: LogoMime } | { ok: false; reason: LogoRefusal } {
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, reason: "LOGO_TOO_LARGE" };
  const mime = bytes.length > 0 ? sniffMime(bytes) : null;
  if (mime !== "image/png" && mime !== "image/jpeg") return { ok: false, reason: "LOGO_TYPE_NOT_ALLOWED" };
  return { ok: true, mime };
}

/** The logo's address: the version in the query lets browsers cache it for good. */
export function logoUrl(brand: Pick<Brand, "logoVersion">): string | null {
  return brand.logoVersion ? `/api/brand/logo?v=${brand.logoVersion}` : null;
}
