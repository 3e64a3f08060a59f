import "server-only";
import { defineTxAction } from "@/lib/actions/transactional";
import { ComplaintBodyError, saveComplaintBody, setCategoryComplaintBody } from "./bodies";
import { categoryComplaintBodySchema, complaintBodySchema } from "./schema";

// Configuration of the external complaint bodies: admins only, like every other setting.
export const saveComplaintBodyAction = defineTxAction({
  name: "settings.complaintBody.save",
  schema: complaintBodySchema,
  permission: "settings.manage",
  refusals: [ComplaintBodyError],
  run: (tx, input, { user }) => saveComplaintBody(tx, input, user.id),
});

export const setCategoryComplaintBodyAction = defineTxAction({
  name: "settings.complaintBody.category",
  schema: categoryComplaintBodySchema,
  permission: "settings.manage",
  refusals: [ComplaintBodyError],
  run: (tx, input, { user }) => setCategoryComplaintBody(tx, input, user.id),
});
