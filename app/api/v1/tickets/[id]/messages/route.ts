import { apiRoute } from "@/lib/api/route";
import { replyEndpoint } from "@/lib/api/ticket-endpoints";

export const POST = apiRoute(replyEndpoint);
