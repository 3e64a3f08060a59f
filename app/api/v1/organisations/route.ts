import { createOrganisationEndpoint, findOrganisationsEndpoint } from "@/lib/api/people-endpoints";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(findOrganisationsEndpoint);
export const POST = apiRoute(createOrganisationEndpoint);
