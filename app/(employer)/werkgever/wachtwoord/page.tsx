import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordPage } from "@/components/account/change-password-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordChange"))("title") };
}

function Page() {
  return <ChangePasswordPage place="werkgever" />;
}

export default withPageMessages("app/(employer)/werkgever/wachtwoord", Page);
