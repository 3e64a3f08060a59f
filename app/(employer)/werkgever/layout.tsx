import { getTranslations } from "next-intl/server";
import { NoAccess } from "@/components/auth/no-access";
import { AppShell } from "@/components/layout/app-shell";
import { canEnter } from "@/lib/auth/rules";
import { requireSessionUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser("/werkgever");
  if (!canEnter(user.role, "werkgever")) return <NoAccess user={user} place="werkgever" />;
  const t = await getTranslations("nav.werkgever");
  return (
    <AppShell place="werkgever" user={user} nav={[{ href: "/werkgever", label: t("home") }]}>
      {children}
    </AppShell>
  );
}
