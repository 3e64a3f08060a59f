import { createPersonEndpoint, findPeopleEndpoint } from "@/lib/api/people-endpoints";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(findPeopleEndpoint);
export const POST = apiRoute(createPersonEndpoint);
