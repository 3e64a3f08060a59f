import { getTranslations } from "next-intl/server";
import { NoAccess } from "@/components/auth/no-access";
import { AppShell } from "@/components/layout/app-shell";
import { canEnter } from "@/lib/auth/rules";
import { requireSessionUser } from "@/lib/auth/session";
import { mayUseComplaintDesk } from "@/lib/complaints/desk-rules";
import { mayViewBoard } from "@/lib/escalations/desk-rules";
import { mayReadKpis } from "@/lib/kpi/rules";
import { mayWatchSla } from "@/lib/sla/monitor";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser("/agent");
  if (!canEnter(user.role, "agent")) return <NoAccess user={user} place="agent" />;
  const [t, tn, tl] = await Promise.all([getTranslations("nav.agent"), getTranslations("agentNav"), getTranslations("leadNav")]);
  const nav = [
    { href: "/agent", label: t("home") },
    { href: "/agent/telefoon", label: tn("phone") },
    { href: "/agent/terugbellen", label: tn("callbacks") },
    { href: "/agent/kennisbank", label: tn("kb") },
    // The lead desk: each item only for the roles its page serves (the pages check again).
    ...(mayViewBoard(user.role) ? [{ href: "/agent/escalaties", label: tl("escalations") }] : []),
    ...(mayUseComplaintDesk(user.role) ? [{ href: "/agent/klachten", label: tl("complaints") }] : []),
    ...(mayWatchSla(user) ? [{ href: "/agent/sla", label: tl("sla") }] : []),
    ...(mayReadKpis(user.role) ? [{ href: "/agent/kpi", label: tl("kpi") }] : []),
    ...(user.role === "ADMIN"
      ? [
          { href: "/agent/beheer/instellingen", label: tl("settings") },
          { href: "/agent/beheer/medewerkers", label: tl("staff") },
          { href: "/agent/beheer/teams", label: tl("teams") },
          { href: "/agent/beheer/mail", label: tl("mail") },
        ]
      : []),
  ];
  return (
    <AppShell place="agent" user={user} nav={nav}>
      {children}
    </AppShell>
  );
}
