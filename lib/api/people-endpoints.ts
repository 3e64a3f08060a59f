// /api/v1/people and /api/v1/organisations: finding by external number or e-mail, and creating and
// updating through the administration's own commands (beneficiaries, organisations).
import "server-only";
import { createBeneficiaryAccount, updateBeneficiaryAccount } from "@/lib/beneficiaries/commands";
import { createOrganisationAction, updateOrganisationAction } from "@/lib/org-admin/commands";
import { ApiProblem } from "./problem";
import { findOrganisation, findOrganisations, findPeople, findPerson } from "./people-queries";
import { createOrganisationSchema, createPersonSchema, findOrganisationsQuery, findPeopleQuery, patchOrganisationSchema, patchPersonSchema } from "./people-schema";
import { fromAction, notFound, parseInput, queryObject, type ApiContext, type ApiEndpoint } from "./route";

function wholeRecordsOnly(ctx: ApiContext): void {
  // Creating people or organisations is not one organisation's business.
  if (ctx.caller.organisationId) throw new ApiProblem(403, "ORGANISATION_LIMITED", "A token limited to one organisation cannot create people or organisations.");
}

/** The body as an object, its keys checked by the partial schema (field errors as problems). */
function patchBody(schema: typeof patchPersonSchema | typeof patchOrganisationSchema, body: unknown): Record<string, unknown> {
  parseInput(schema, body);
  return body as Record<string, unknown>;
}

export const findPeopleEndpoint: ApiEndpoint = {
  scope: "people:read",
  permission: "beneficiaries.manage",
  handler: async ({ caller, url }) => ({ status: 200, body: { data: await findPeople(caller, parseInput(findPeopleQuery, queryObject(url))) } }),
};

export const readPersonEndpoint: ApiEndpoint = {
  scope: "people:read",
  permission: "beneficiaries.manage",
  handler: async ({ caller, params }) => ({ status: 200, body: (await findPerson(caller, params.id ?? "")) ?? notFound() }),
};

export const createPersonEndpoint: ApiEndpoint = {
  scope: "people:write",
  permission: createBeneficiaryAccount.permission,
  idempotent: true,
  handler: async (ctx) => {
    wholeRecordsOnly(ctx);
    const created = fromAction(await createBeneficiaryAccount.execute(ctx.user, parseInput(createPersonSchema, ctx.body), ctx.now), 201);
    return { status: 201, body: await findPerson(ctx.caller, (created.body as { id: string }).id) };
  },
};

export const updatePersonEndpoint: ApiEndpoint = {
  scope: "people:write",
  permission: updateBeneficiaryAccount.permission,
  handler: async ({ caller, user, params, body, now }) => {
    const person = (await findPerson(caller, params.id ?? "")) ?? notFound();
    // The fields are a beneficiary's (a client number among them); an employer contact's account is
    // theirs and their organisation's to change, in the employer portal.
    if (person.role !== "BENEFICIARY") throw new ApiProblem(409, "NOT_A_BENEFICIARY", "Only a beneficiary is changed here; an employer contact changes their own account in the employer portal.");
    const stored = { name: person.name, email: person.email, clientNumber: person.clientNumber, phone: person.phone, postalStreet: person.postalStreet, postalCode: person.postalCode, postalCity: person.postalCity, locale: person.locale };
    fromAction(await updateBeneficiaryAccount.execute(user, { ...stored, ...patchBody(patchPersonSchema, body), userId: person.id }, now));
    return { status: 200, body: await findPerson(caller, person.id) };
  },
};

export const findOrganisationsEndpoint: ApiEndpoint = {
  scope: "people:read",
  permission: "organisations.manage",
  handler: async ({ caller, url }) => ({ status: 200, body: { data: await findOrganisations(caller, parseInput(findOrganisationsQuery, queryObject(url)).externalNumber) } }),
};

export const readOrganisationEndpoint: ApiEndpoint = {
  scope: "people:read",
  permission: "organisations.manage",
  handler: async ({ caller, params }) => ({ status: 200, body: (await findOrganisation(caller, params.id ?? "")) ?? notFound() }),
};

export const createOrganisationEndpoint: ApiEndpoint = {
  scope: "people:write",
  permission: createOrganisationAction.permission,
  idempotent: true,
  handler: async (ctx) => {
    wholeRecordsOnly(ctx);
    const created = fromAction(await createOrganisationAction.execute(ctx.user, parseInput(createOrganisationSchema, ctx.body), ctx.now), 201);
    return { status: 201, body: await findOrganisation(ctx.caller, (created.body as { id: string }).id) };
  },
};

export const updateOrganisationEndpoint: ApiEndpoint = {
  scope: "people:write",
  permission: updateOrganisationAction.permission,
  handler: async ({ caller, user, params, body, now }) => {
    const organisation = (await findOrganisation(caller, params.id ?? "")) ?? notFound();
    const { id, name, externalNumber, kvkNumber, rsin, kind, isPartner, twoFactorRequired, customerSuccessManagerId, fixedCaseHandlerId, postalStreet, postalCode, postalCity } = organisation;
    const stored = { name, externalNumber, kvkNumber, rsin, kind, isPartner, twoFactorRequired, customerSuccessManagerId, fixedCaseHandlerId, postalStreet, postalCode, postalCity };
    fromAction(await updateOrganisationAction.execute(user, { ...stored, ...patchBody(patchOrganisationSchema, body), organisationId: id }, now));
    return { status: 200, body: await findOrganisation(caller, id) };
  },
};
