import { withPageMessages } from "@/components/layout/place-messages";
import { CustomerChatPage } from "@/components/chat/customer-chat-page";
import { requirePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("portal.chat");

async function PortalChatPage() {
  const user = await requirePermission("portal.chat.use", "/portaal/chat");
  return <CustomerChatPage user={user} portal="portaal" />;
}

export default withPageMessages("app/(beneficiary)/portaal/chat", PortalChatPage);
