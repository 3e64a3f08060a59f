import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./events";

const id = z.string().min(1).max(64);

export const createEndpointSchema = z.object({
  url: z.string().trim().min(1).max(2000),
  description: z.string().trim().max(200).optional().default(""),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length),
});
export type CreateEndpointInput = z.output<typeof createEndpointSchema>;

export const endpointIdSchema = z.object({ endpointId: id });
export const setPausedSchema = z.object({ endpointId: id, paused: z.boolean() });
export const deliveryIdSchema = z.object({ deliveryId: id });
