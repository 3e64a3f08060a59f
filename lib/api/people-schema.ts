// Finding people and organisations, and the API's partial updates: a PATCH lays the given fields
// over the stored ones and the result goes through the administration's own (full) schema.
import { z } from "zod";
import { beneficiaryFieldsSchema } from "@/lib/beneficiaries/schema";
import { organisationFieldsSchema } from "@/lib/org-admin/schema";

export const recordIdParam = z.object({ id: z.string().min(1).max(64) });

export const findPeopleQuery = z
  .object({
    clientNumber: z.string().trim().min(1).max(40).optional().meta({ description: "The external number (klantnummer) as the administration knows it.", example: "K-100231" }),
    email: z.string().trim().toLowerCase().max(254).optional(),
  })
  .refine((q) => q.clientNumber || q.email, { message: "REQUIRED", path: ["clientNumber"] });

export const findOrganisationsQuery = z.object({
  externalNumber: z.string().trim().min(1).max(40).meta({ description: "The employer number, e.g. WG-40012.", example: "WG-40012" }),
});

export const createPersonSchema = beneficiaryFieldsSchema;
export const patchPersonSchema = beneficiaryFieldsSchema.partial();
export const createOrganisationSchema = organisationFieldsSchema;
export const patchOrganisationSchema = organisationFieldsSchema.partial();
