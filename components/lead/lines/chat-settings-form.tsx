"use client";
import { useTranslations } from "next-intl";
import { useLeadAction, type LeadMessage } from "@/components/lead/use-lead-action";
import { fieldAria, WorkspaceFieldError } from "@/components/agent/field-feedback";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { updateChatSettingsAction, updateChatTopicsAction } from "@/lib/chat/actions";

// Chat settings are saved like the other lead settings; the page shows the saved values at once.
const useChatAdminAction = (idOf?: (field: string) => string) => useLeadAction("chatAdmin", idOf, true);

const SETTING_CODES = ["WHOLE_NUMBER", "MAX_PER_AGENT_RANGE", "OFFER_AFTER_RANGE"];
const SETTING_INPUTS: Record<string, string> = { maxPerAgent: "chat-max-per-agent", offerMessageAfterSec: "chat-offer-after" };
const settingInput = (field: string) => SETTING_INPUTS[field] ?? field;

function MessageLine({ message }: { message: LeadMessage }) {
  if (!message) return <p role="status" className="sr-only" />;
  return (
    <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-red-800" : "text-sm text-green-800"}>
      {message.text}
    </p>
  );
}

const input = "mt-1 w-24 rounded border border-slate-400 px-2 py-1";

/** The chat's two numbers: chats per agent, and after how long a waiting customer is offered to leave a message. */
export function ChatSettingsForm({ settings }: { settings: { maxPerAgent: number; offerMessageAfterSec: number } }) {
  const t = useTranslations("chatAdmin");
  const { pending, message, fieldErrors, submit } = useChatAdminAction(settingInput);
  return (
    <form
      className="space-y-2"
      // The server's refusal names the bounds in the page's language; the browser's bubble would not.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        submit(updateChatSettingsAction, { maxPerAgent: form.get("maxPerAgent"), offerMessageAfterSec: form.get("offerMessageAfterSec") });
      }}
    >
      <FieldErrorSummary fieldErrors={fieldErrors} idOf={settingInput} />
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="chat-max-per-agent" className="block text-sm">{t("maxPerAgent")}</label>
          <input id="chat-max-per-agent" name="maxPerAgent" type="number" min={1} max={10} step={1} required defaultValue={settings.maxPerAgent} {...fieldAria("chat-max-per-agent", fieldErrors.maxPerAgent)} className={input} />
          <WorkspaceFieldError id="chat-max-per-agent" errors={fieldErrors.maxPerAgent} namespace="chatAdmin" extraCodes={SETTING_CODES} />
        </div>
        <div>
          <label htmlFor="chat-offer-after" className="block text-sm">{t("offerMessageAfterSec")}</label>
          <input id="chat-offer-after" name="offerMessageAfterSec" type="number" min={30} max={3600} step={1} required defaultValue={settings.offerMessageAfterSec} {...fieldAria("chat-offer-after", fieldErrors.offerMessageAfterSec, "chat-offer-after-hint")} className={input} />
          <WorkspaceFieldError id="chat-offer-after" errors={fieldErrors.offerMessageAfterSec} namespace="chatAdmin" extraCodes={SETTING_CODES} />
        </div>
      </div>
      <p id="chat-offer-after-hint" className="text-sm text-slate-600">{t("offerHint")}</p>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
        {t("save")}
      </button>
      <MessageLine message={message} />
    </form>
  );
}

/** Which portal categories are offered as chat topics. */
export function ChatTopicsForm({ categories }: { categories: { key: string; name: string; portal: string; chat: boolean }[] }) {
  const t = useTranslations("chatAdmin");
  const { pending, message, submit } = useChatAdminAction();
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        submit(updateChatTopicsAction, { categoryKeys: form.getAll("topic").map(String) });
      }}
    >
      <fieldset>
        <legend className="font-medium">{t("topics")}</legend>
        <p className="text-sm text-slate-600">{t("topicsHint")}</p>
        <ul className="mt-2 space-y-1 text-sm">
          {categories.map((c) => (
            <li key={c.key}>
              <label className="inline-flex items-center gap-2">
                <input type="checkbox" name="topic" value={c.key} defaultChecked={c.chat} />
                {c.name} <span className="text-slate-600">({c.portal})</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
        {t("saveTopics")}
      </button>
      <MessageLine message={message} />
    </form>
  );
}
