import { z } from "zod";
import { MAX_MESSAGE_LENGTH } from "./rules";

const id = z.string().min(1).max(64);
const body = z.string().trim().min(1, "REQUIRED").max(MAX_MESSAGE_LENGTH, "TOO_LONG");

export const startChatSchema = z.object({ categoryKey: z.string().min(1).max(64), body });
export const chatIdSchema = z.object({ chatId: id });
export const sendChatMessageSchema = z.object({
  chatId: id,
  body,
  // A retried send with the same clientId is the same message (the form sets one per message).
  clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
});
export const transferChatSchema = z
  .object({
    chatId: id,
    toUserId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
    toTeamId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
  })
  .refine((v) => (v.toUserId === undefined) !== (v.toTeamId === undefined), { path: ["toUserId"], message: "ONE_TARGET" });
export const endChatSchema = z.object({
  chatId: id,
  resolved: z.boolean(),
  ticketNumber: z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), z.string().max(32).optional()),
  categoryKey: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(64).optional()),
});

export const chatSettingsSchema = z.object({
  // Each refusal names its own bounds ("Kies 1 tot en met 10 chats.").
  maxPerAgent: z.coerce.number().int("WHOLE_NUMBER").min(1, "MAX_PER_AGENT_RANGE").max(10, "MAX_PER_AGENT_RANGE"),
  offerMessageAfterSec: z.coerce.number().int("WHOLE_NUMBER").min(30, "OFFER_AFTER_RANGE").max(3600, "OFFER_AFTER_RANGE"),
});
export const chatTopicsSchema = z.object({ categoryKeys: z.array(z.string().min(1).max(64)).max(200) });

export type StartChatInput = z.output<typeof startChatSchema>;
export type SendChatMessageInput = z.output<typeof sendChatMessageSchema>;
export type TransferChatInput = z.output<typeof transferChatSchema>;
export type EndChatInput = z.output<typeof endChatSchema>;
