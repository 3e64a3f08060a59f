import { readOrganisationEndpoint, updateOrganisationEndpoint } from "@/lib/api/people-endpoints";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(readOrganisationEndpoint);
export const PATCH = apiRoute(updateOrganisationEndpoint);
