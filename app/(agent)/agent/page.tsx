import { getTranslations } from "next-intl/server";
import { TicketTable } from "@/components/tickets/ticket-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlaceUser } from "@/lib/auth/place";
import { listQueue } from "@/lib/tickets/queries";

export default async function AgentQueue() {
  const user = await requirePlaceUser("agent");
  const [t, tickets] = await Promise.all([getTranslations("agent"), listQueue(user)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <TicketTable tickets={tickets} staff />
    </>
  );
}
