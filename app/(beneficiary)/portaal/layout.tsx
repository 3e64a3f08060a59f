import { getTranslations } from "next-intl/server";
import { NoAccess } from "@/components/auth/no-access";
import { AppShell } from "@/components/layout/app-shell";
import { can } from "@/lib/auth/permissions";
import { requireSessionUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser("/portaal");
  if (!can(user, "portal.enter")) return <NoAccess user={user} place="portaal" />;
  const t = await getTranslations("portaal.nav");
  return (
    <AppShell
      place="portaal"
      user={user}
      nav={[
        { href: "/portaal", label: t("home") },
        { href: "/portaal/nieuw", label: t("new") },
        { href: "/portaal/terugbellen", label: t("callback") },
        { href: "/portaal/klachten", label: t("complaints") },
        { href: "/portaal/contact", label: t("contact") },
      ]}
    >
      {children}
    </AppShell>
  );
}
