import { apiRoute } from "@/lib/api/route";
import { changeTicketEndpoint, readTicketEndpoint } from "@/lib/api/ticket-endpoints";

export const GET = apiRoute(readTicketEndpoint);
export const PATCH = apiRoute(changeTicketEndpoint);
