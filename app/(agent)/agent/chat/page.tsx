import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { CallerPanel } from "@/components/agent/caller-panel";
import { ChatConsole } from "@/components/chat/chat-console";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { chatAccess, getChatSummary, listTransferTargets, readConsole } from "@/lib/chat/queries";
import { historyPages } from "@/lib/phone/history-rules";
import { getCaller } from "@/lib/phone/queries";
import { firstParam } from "@/lib/util/url-params";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.chat");

async function ChatConsolePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("chat.console.use", "/agent/chat");
  const params = await searchParams;
  const [t, view, targets] = await Promise.all([getTranslations("chatUi.console"), readConsole(user, new Date()), listTransferTargets(user)]);
  // The chat shown: the one asked for when it is one of this agent's, else their first.
  const asked = firstParam(params.chat);
  const selected = view.mine.find((c) => c.id === asked)?.id ?? view.mine[0]?.id ?? null;
  // The caller panel (server-rendered, as on /agent/telefoon) for the chat shown.
  let caller: React.ReactNode = null;
  if (selected && (await chatAccess(user, selected)) === "AGENT") {
    const summary = await getChatSummary(selected);
    const callerView = summary ? await getCaller(user, summary.requesterId, historyPages(firstParam(params.historie))) : null;
    if (callerView) caller = <CallerPanel view={callerView} />;
  }
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <ChatConsole initial={view} selected={selected} callerFor={caller ? selected : null} caller={caller} targets={targets} />
    </>
  );
}

export default withPageMessages("app/(agent)/agent/chat", ChatConsolePage);
