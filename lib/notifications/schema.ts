import { z } from "zod";
import { DELIVERY_CHOICES, NOTIFICATION_KINDS } from "./rules";

export const notificationIdSchema = z.object({ notificationId: z.string().min(1).max(64) });

export const markAllSchema = z.object({});

export const preferencesSchema = z.object({
  choices: z
    .array(z.object({ kind: z.enum(NOTIFICATION_KINDS), choice: z.enum(DELIVERY_CHOICES) }))
    .min(1)
    .max(NOTIFICATION_KINDS.length)
    .refine((list) => new Set(list.map((c) => c.kind)).size === list.length, "DUPLICATE_KIND"),
});
