import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QuestionForm } from "@/components/werkgever/question-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlaceUser } from "@/lib/auth/place";

export default async function NewQuestionPage() {
  const user = await requirePlaceUser("werkgever", "/werkgever/vragen/nieuw");
  if (!user.rights.includes("SUBMIT_REQUESTS")) notFound();
  const t = await getTranslations("werkgever.question");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <QuestionForm />
    </>
  );
}
