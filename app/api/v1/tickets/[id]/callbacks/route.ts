import { bookEndpoint } from "@/lib/api/callback-endpoints";
import { apiRoute } from "@/lib/api/route";

export const POST = apiRoute(bookEndpoint);
