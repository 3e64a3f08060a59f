import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffEnrolment } from "@/components/auth/staff-enrolment";
import { AuthFrame } from "@/components/auth/auth-frame";
import { returnPathFor, safeCallbackPath } from "@/lib/auth/rules";
import { getPendingEnrolment, getSessionUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffEnrol");
  return { title: t("title") };
}

/** Staff must use TOTP: a staff login without it lands here and can do nothing else until enrolled. */
async function StaffEnrolmentPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const params = await searchParams;
  const user = await getSessionUser();
  if (user) redirect(returnPathFor(params.callbackUrl, user.role));
  if (!(await getPendingEnrolment())) redirect("/login");
  const t = await getTranslations("staffEnrol");
  return (
    <AuthFrame title={t("title")} intro={t("intro")}>
      <StaffEnrolment callbackUrl={safeCallbackPath(params.callbackUrl) ?? "/"} />
    </AuthFrame>
  );
}

export default withPageMessages("app/(auth)/login/twee-stappen/instellen", StaffEnrolmentPage);
