import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { PlaceMessages } from "@/components/layout/place-messages";
import { AppShell } from "@/components/layout/app-shell";
import { can } from "@/lib/auth/permissions";
import { requireSessionUser } from "@/lib/auth/session";
import { areaTitle } from "@/lib/i18n/page-title";
import { chatAvailability } from "@/lib/chat/queries";

export const dynamic = "force-dynamic";

// Every page title below ends in the place and the brand (lib/i18n/page-title.ts).
export const generateMetadata = () => areaTitle("portal");

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser("/portaal");
  // Another place: 403 with the friendly "no access" page (app/forbidden.tsx).
  if (!can(user, "portal.enter")) forbidden();
  const t = await getTranslations("portaal.nav");
  // The chat item only while the chat is open (it still fits the phone's second nav row).
  const chatOpen = can(user, "portal.chat.use") && (await chatAvailability("BENEFICIARY", new Date())).open;
  return (
    <PlaceMessages place="beneficiary">
      <AppShell
        place="portaal"
        user={user}
        nav={[
          { href: "/portaal", label: t("home") },
          { href: "/portaal/nieuw", label: t("new") },
          ...(chatOpen ? [{ href: "/portaal/chat", label: (await getTranslations("chatUi"))("nav") }] : []),
          { href: "/portaal/terugbellen", label: t("callback") },
          { href: "/portaal/klachten", label: t("complaints") },
          { href: "/portaal/contact", label: t("contact") },
        ]}
      >
        {children}
      </AppShell>
    </PlaceMessages>
  );
}
