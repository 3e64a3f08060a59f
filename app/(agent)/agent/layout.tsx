import { getTranslations } from "next-intl/server";
import { NoAccess } from "@/components/auth/no-access";
import { AppShell } from "@/components/layout/app-shell";
import { canEnter } from "@/lib/auth/rules";
import { requireSessionUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser("/agent");
  if (!canEnter(user.role, "agent")) return <NoAccess user={user} place="agent" />;
  const t = await getTranslations("nav.agent");
  return (
    <AppShell place="agent" user={user} nav={[{ href: "/agent", label: t("home") }]}>
      {children}
    </AppShell>
  );
}
