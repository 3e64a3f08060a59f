import "server-only";
import { createHash } from "node:crypto";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import type { LogoMime } from "./rules";
import { BRAND_KEY, getBrand, LOGO_KEY } from "./queries";

export interface BrandChange {
  name: string;
  primaryColor: string;
  secondaryColor: string | null;
  /** A checked new logo, null to remove it, undefined to keep the current one. */
  logo: { mime: LogoMime; bytes: Uint8Array } | null | undefined;
}

/** Saves the house style and its audit event together; the logo's bytes stay out of the audit log. */
export async function saveBrand(tx: Tx, change: BrandChange, actorId: string): Promise<void> {
  const before = await getBrand(tx);
  let logoVersion = before.logoVersion;
  if (change.logo === null) {
    await tx.setting.deleteMany({ where: { key: LOGO_KEY } });
    logoVersion = null;
  } else if (change.logo) {
    logoVersion = createHash("sha256").update(change.logo.bytes).digest("hex").slice(0, 16);
    const value = { mime: change.logo.mime, version: logoVersion, base64: Buffer.from(change.logo.bytes).toString("base64") };
    await tx.setting.upsert({ where: { key: LOGO_KEY }, create: { key: LOGO_KEY, value }, update: { value } });
  }
  const value = { name: change.name, primaryColor: change.primaryColor, secondaryColor: change.secondaryColor, logoVersion };
  await tx.setting.upsert({ where: { key: BRAND_KEY }, create: { key: BRAND_KEY, value }, update: { value } });
  await audit(tx, {
    actorId,
    action: "settings.brand",
    entityType: "Setting",
    entityId: BRAND_KEY,
    data: {
      from: { name: before.name, primaryColor: before.primaryColor, secondaryColor: before.secondaryColor },
      to: { name: change.name, primaryColor: change.primaryColor, secondaryColor: change.secondaryColor },
      logo: change.logo === null ? "removed" : change.logo ? "replaced" : "kept",
    },
  });
}

/** Back to Loket's own name, colours and no logo. */
export async function resetBrand(tx: Tx, actorId: string): Promise<void> {
  const removed = await tx.setting.deleteMany({ where: { key: { in: [BRAND_KEY, LOGO_KEY] } } });
  await audit(tx, { actorId, action: "settings.brand.reset", entityType: "Setting", entityId: BRAND_KEY, data: { removed: removed.count } });
}
