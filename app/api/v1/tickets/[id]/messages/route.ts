import { apiRoute } from "@/lib/api/route";
import { listMessagesEndpoint, replyEndpoint } from "@/lib/api/ticket-endpoints";

export const GET = apiRoute(listMessagesEndpoint);
export const POST = apiRoute(replyEndpoint);
