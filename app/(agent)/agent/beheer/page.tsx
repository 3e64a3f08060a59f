import { withPageMessages } from "@/components/layout/place-messages";
import { forbidden, redirect } from "next/navigation";
import { adminAreasFor } from "@/lib/admin/areas";
import { requireSessionUser } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.administration");

export const dynamic = "force-dynamic";

/**
 * The administration's own address (typed, or a bookmark) leads to the first area this person may
 * use, as the main navigation's "Beheer" does; someone with none is told they have no access.
 */
async function AdministrationHome(): Promise<never> {
  const user = await requireSessionUser("/agent/beheer");
  const first = adminAreasFor(user)[0];
  if (!first) forbidden();
  redirect(first.href);
}

export default withPageMessages("app/(agent)/agent/beheer", AdministrationHome);
