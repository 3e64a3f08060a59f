import { getTranslations } from "next-intl/server";
import { TicketTable } from "@/components/tickets/ticket-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlaceUser } from "@/lib/auth/place";
import { listOwnTickets } from "@/lib/tickets/queries";

export default async function PortalHome() {
  const user = await requirePlaceUser("portaal");
  const [t, tickets] = await Promise.all([getTranslations("portaal"), listOwnTickets(user)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <TicketTable tickets={tickets} />
    </>
  );
}
