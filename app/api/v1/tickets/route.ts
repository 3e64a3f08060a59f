import { apiRoute } from "@/lib/api/route";
import { createTicketEndpoint, listTicketsEndpoint } from "@/lib/api/ticket-endpoints";

export const GET = apiRoute(listTicketsEndpoint);
export const POST = apiRoute(createTicketEndpoint);
