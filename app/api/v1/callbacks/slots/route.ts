import { slotsEndpoint } from "@/lib/api/callback-endpoints";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(slotsEndpoint);
