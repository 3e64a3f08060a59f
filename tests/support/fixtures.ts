import { loadSessionUser, type SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { seedDatabase } from "@/prisma/seed";

/** The demo data, freshly written: every integration file starts from the same known state. */
export async function seedDemo(now = new Date("2026-11-24T10:00:00Z")): Promise<void> {
  const outcome = await seedDatabase({ force: true, now });
  if (outcome !== "SEEDED") throw new Error(`seed: ${outcome}`);
}

export async function sessionFor(email: string): Promise<SessionUser> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const session = await loadSessionUser(user.id);
  if (!session) throw new Error(`no session for ${email}`);
  return session;
}
