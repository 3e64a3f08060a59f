"use client";
import { useTranslations } from "next-intl";

/** A refusal code in words: the chat's refusal texts, then this UI's own (network), else the generic one. */
export function useChatErrorText() {
  const refusals = useTranslations("chatRefusals");
  const own = useTranslations("chatUi.errors");
  return (reason: string) => (refusals.has(reason) ? refusals(reason) : own.has(reason) ? own(reason) : own("GENERIC"));
}
