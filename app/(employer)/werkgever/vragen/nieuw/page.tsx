import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { QuestionForm } from "@/components/werkgever/question-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("employer.new");

async function NewQuestionPage() {
  await requirePermission("employer.request.submit", "/werkgever/vragen/nieuw");
  const t = await getTranslations("werkgever.question");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <QuestionForm />
    </>
  );
}

export default withPageMessages("app/(employer)/werkgever/vragen/nieuw", NewQuestionPage);
