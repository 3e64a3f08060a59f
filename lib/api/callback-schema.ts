import { z } from "zod";
import { dateKeySchema, phoneSchema, portalCancelSchema, slotKindSchema } from "@/lib/callbacks/schema";

export const slotsQuery = z.object({ ticketId: z.string().min(1).max(64).meta({ description: "The ticket to call back about (id or number); its team calls back." }) });

/** Staff (or a back office) book a callback on a ticket: the portal's date, slot and phone rules. */
export const staffBookSchema = z.object({ ticketId: z.string().min(1).max(64), date: dateKeySchema, slot: slotKindSchema, phone: phoneSchema });
export const apiBookSchema = staffBookSchema.omit({ ticketId: true });
export const staffCancelSchema = portalCancelSchema;
