import "server-only";
import { z } from "zod";
import { getSettingValue, type DbClient } from "@/lib/settings/queries";
import { DEFAULT_CHAT_SETTINGS, type ChatSettings } from "./rules";

const stored = z.object({
  maxPerAgent: z.number().int().min(1).max(10).default(DEFAULT_CHAT_SETTINGS.maxPerAgent),
  offerMessageAfterSec: z.number().int().min(30).max(3600).default(DEFAULT_CHAT_SETTINGS.offerMessageAfterSec),
});

/** Setting row "chat"; a missing or malformed row gives the defaults (3 chats, offer after 2 minutes). */
export function getChatSettings(client: DbClient): Promise<ChatSettings> {
  return getSettingValue(client, "chat", stored, { ...DEFAULT_CHAT_SETTINGS });
}
