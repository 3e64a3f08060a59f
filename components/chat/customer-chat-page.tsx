import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { SessionUser } from "@/lib/auth/session";
import { formatTime, formatWeekdayDayMonth } from "@/lib/calendar/format";
import { chatAvailability, getOpenChatFor } from "@/lib/chat/queries";
import { CustomerChat } from "./customer-chat";

export type ChatPortal = "portaal" | "werkgever";

const AUDIENCE = { portaal: "BENEFICIARY", werkgever: "EMPLOYER" } as const;
const NEW_MESSAGE = { portaal: "/portaal/nieuw", werkgever: "/werkgever/vragen/nieuw" } as const;

/** "maandag 7 december om 08:00" in Dutch time. */
export function formatOpening(date: Date, locale: "nl" | "en"): string {
  return `${formatWeekdayDayMonth(date, locale)} ${locale === "en" ? "at" : "om"} ${formatTime(date)}`;
}

/**
 * The chat page of a portal. An open chat (another tab, a reload) is picked up again; without one
 * the person starts a chat while the line is open, or is told when it opens and offered a message.
 */
export async function CustomerChatPage({ user, portal }: { user: SessionUser; portal: ChatPortal }) {
  const now = new Date();
  const [t, locale, availability, openChat] = await Promise.all([getTranslations("chatUi"), getLocale(), chatAvailability(AUDIENCE[portal], now), getOpenChatFor(user.id)]);
  const lang = locale === "en" ? "en" : "nl";
  const topics = availability.topics.map((c) => ({ key: c.key, name: lang === "en" ? c.nameEn : c.nameNl }));
  return (
    <>
      <PageHeader title={t("page.title")} intro={t("page.intro")} />
      {openChat || availability.open ? (
        <CustomerChat
          initialChatId={openChat?.id ?? null}
          topics={topics}
          open={availability.open}
          paths={{ newMessage: NEW_MESSAGE[portal], portal }}
        />
      ) : (
        <section role="status" data-testid="chat-offline" className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="text-lg font-semibold">{t("offline.title")}</h2>
          <p className="mt-1">{availability.nextOpening ? t("offline.next", { when: formatOpening(availability.nextOpening, lang) }) : t("offline.noNext")}</p>
          <p className="mt-3">
            <Link href={NEW_MESSAGE[portal]} className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800 hover:no-underline">{t("offline.write")}</Link>
          </p>
        </section>
      )}
    </>
  );
}

/**
 * The way into the chat on a dashboard or contact page: shown while the chat is open (with its
 * topics) or while the person still has a chat going; `closedNote` adds when it opens next.
 */
export async function ChatEntry({ user, portal, closedNote = false }: { user: SessionUser; portal: ChatPortal; closedNote?: boolean }) {
  const now = new Date();
  const [t, locale, availability, openChat] = await Promise.all([getTranslations("chatUi.entry"), getLocale(), chatAvailability(AUDIENCE[portal], now), getOpenChatFor(user.id)]);
  const lang = locale === "en" ? "en" : "nl";
  const href = `/${portal}/chat`;
  if (openChat) {
    return (
      <section aria-labelledby="chat-entry-title" className="mb-6 rounded-lg border border-brand-200 bg-brand-50 p-4" data-testid="chat-entry">
        <h2 id="chat-entry-title" className="font-semibold">{t("ongoingTitle")}</h2>
        <Link href={href} className="mt-2 inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800 hover:no-underline">{t("continue")}</Link>
      </section>
    );
  }
  if (!availability.open) {
    if (!closedNote) return null;
    return (
      <p className="mb-6 text-slate-700" data-testid="chat-entry-closed">
        {availability.nextOpening ? t("closedNext", { when: formatOpening(availability.nextOpening, lang) }) : t("closed")}
      </p>
    );
  }
  return (
    <section aria-labelledby="chat-entry-title" className="mb-6 rounded-lg border border-brand-200 bg-brand-50 p-4" data-testid="chat-entry">
      <h2 id="chat-entry-title" className="font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-slate-800">{t("topics", { topics: availability.topics.map((c) => (lang === "en" ? c.nameEn : c.nameNl)).join(", ") })}</p>
      <Link href={href} className="mt-2 inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800 hover:no-underline">{t("start")}</Link>
    </section>
  );
}
