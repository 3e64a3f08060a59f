import { withPageMessages } from "@/components/layout/place-messages";
import { redirect } from "next/navigation";
import { homePath } from "@/lib/auth/rules";
import { getSessionUser } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("auth.home");

// The front door sends each person to their own place.
async function Home() {
  const user = await getSessionUser();
  redirect(user ? homePath(user.role) : "/login");
}

export default withPageMessages("app", Home);
