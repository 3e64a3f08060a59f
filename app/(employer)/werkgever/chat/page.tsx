import { CustomerChatPage } from "@/components/chat/customer-chat-page";
import { requirePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("employer.chat");

export default async function EmployerChatPage() {
  const user = await requirePermission("employer.chat.use", "/werkgever/chat");
  return <CustomerChatPage user={user} portal="werkgever" />;
}
