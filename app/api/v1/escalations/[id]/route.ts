import { readEscalationEndpoint } from "@/lib/api/desk-endpoints";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(readEscalationEndpoint);
