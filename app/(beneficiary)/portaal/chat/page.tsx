import { CustomerChatPage } from "@/components/chat/customer-chat-page";
import { requirePermission } from "@/lib/auth/session";

export default async function PortalChatPage() {
  const user = await requirePermission("portal.chat.use", "/portaal/chat");
  return <CustomerChatPage user={user} portal="portaal" />;
}
