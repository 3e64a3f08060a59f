// Runs an admin-page action as the signed-in user now, and refreshes the pages that show what it
// changed. Shared by the settings and contact-line server actions, which differ only in those pages.
import "server-only";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/define";
import { getSessionUser } from "@/lib/auth/session";

type Defined = { execute: (user: Awaited<ReturnType<typeof getSessionUser>>, input: unknown, now: Date) => Promise<ActionResult<undefined>> };

export async function runAdminAction(action: Defined, input: unknown, pages: readonly string[]): Promise<ActionResult<undefined>> {
  const result = await action.execute(await getSessionUser(), input, new Date());
  if (result.ok) for (const page of pages) revalidatePath(page);
  return result;
}
