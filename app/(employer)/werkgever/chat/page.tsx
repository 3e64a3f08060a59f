import { withPageMessages } from "@/components/layout/place-messages";
import { CustomerChatPage } from "@/components/chat/customer-chat-page";
import { requirePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("employer.chat");

async function EmployerChatPage() {
  const user = await requirePermission("employer.chat.use", "/werkgever/chat");
  return <CustomerChatPage user={user} portal="werkgever" />;
}

export default withPageMessages("app/(employer)/werkgever/chat", EmployerChatPage);
