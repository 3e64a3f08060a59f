import { readPersonEndpoint, updatePersonEndpoint } from "@/lib/api/people-endpoints";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(readPersonEndpoint);
export const PATCH = apiRoute(updatePersonEndpoint);
