import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { PlaceMessages } from "@/components/layout/place-messages";
import { AppShell } from "@/components/layout/app-shell";
import { ScreenPop } from "@/components/telephony/screen-pop";
import { adminAreasFor } from "@/lib/admin/areas";
import { can } from "@/lib/auth/permissions";
import { requireSessionUser } from "@/lib/auth/session";
import { areaTitle } from "@/lib/i18n/page-title";

export const dynamic = "force-dynamic";

// Every page title below ends in the place and the brand (lib/i18n/page-title.ts).
export const generateMetadata = () => areaTitle("agent");

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser("/agent");
  // Another place: 403 with the friendly "no access" page (app/forbidden.tsx).
  if (!can(user, "workspace.enter")) forbidden();
  const [t, tn, tl, tc, tp] = await Promise.all([
    getTranslations("nav.agent"),
    getTranslations("agentNav"),
    getTranslations("leadNav"),
    getTranslations("chatUi"),
    getTranslations("letterIntake"),
  ]);
  const admin = adminAreasFor(user)[0];
  const nav = [
    { href: "/agent", label: t("home") },
    { href: "/agent/telefoon", label: tn("phone") },
    ...(can(user, "chat.console.use") ? [{ href: "/agent/chat", label: tc("nav") }] : []),
    ...(can(user, "letters.intake.register") ? [{ href: "/agent/post/nieuw", label: tp("nav") }] : []),
    { href: "/agent/terugbellen", label: tn("callbacks") },
    { href: "/agent/kennisbank", label: tn("kb") },
    // The lead desk: each item only for the roles its page serves (the pages check again).
    ...(can(user, "escalations.board.read") ? [{ href: "/agent/escalaties", label: tl("escalations") }] : []),
    ...(can(user, "complaints.desk.use") ? [{ href: "/agent/klachten", label: tl("complaints") }] : []),
    ...(can(user, "sla.monitor.read") ? [{ href: "/agent/sla", label: tl("sla") }] : []),
    ...(can(user, "kpi.read") ? [{ href: "/agent/kpi", label: tl("kpi") }] : []),
    // One entry for the administration; its layout lists the areas this person may use.
    ...(admin ? [{ href: admin.href, label: tl("admin") }] : []),
  ];
  return (
    <PlaceMessages place="agent">
      <AppShell place="agent" user={user} nav={nav}>
        {children}
        {can(user, "phone.call.log") ? <ScreenPop /> : null}
      </AppShell>
    </PlaceMessages>
  );
}
