import { getTranslations } from "next-intl/server";
import { TicketTable } from "@/components/tickets/ticket-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlaceUser } from "@/lib/auth/place";
import { listOrganisationTickets } from "@/lib/tickets/queries";

export default async function EmployerHome() {
  const user = await requirePlaceUser("werkgever");
  const [t, tickets] = await Promise.all([getTranslations("werkgever"), listOrganisationTickets(user)]);
  return (
    <>
      <PageHeader title={t("title", { organisation: user.organisationName ?? "" })} intro={t("intro")} />
      <TicketTable tickets={tickets} />
    </>
  );
}
