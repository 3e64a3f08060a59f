import { z } from "zod";
import { limitedText } from "@/lib/forms/error-code";
import { WEBHOOK_EVENT_TYPES } from "./events";

const id = z.string().min(1).max(64);

export const createEndpointSchema = z.object({
  // In the form's order, each refusal under its own field: limits travel in the codes, a missing
  // event says what to choose.
  url: limitedText(2000),
  description: limitedText(200, 0).optional().default(""),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "CHOOSE_EVENT").max(WEBHOOK_EVENT_TYPES.length),
});
export type CreateEndpointInput = z.output<typeof createEndpointSchema>;

export const endpointIdSchema = z.object({ endpointId: id });
export const setPausedSchema = z.object({ endpointId: id, paused: z.boolean() });
export const deliveryIdSchema = z.object({ deliveryId: id });
