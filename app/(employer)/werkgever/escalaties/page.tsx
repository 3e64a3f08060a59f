import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { RaiseEscalationForm } from "@/components/werkgever/escalation-forms";
import { EscalationList } from "@/components/werkgever/escalation-list";
import { Pagination, pageFrom } from "@/components/werkgever/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { ConfirmationScope, ConfirmationSlot } from "@/components/ui/page-confirmation";
import { requirePermission } from "@/lib/auth/session";
import { ESCALATION_PAGE_SIZE, listOrganisationEscalations } from "@/lib/escalations/queries";
import { getCustomerSuccessManager } from "@/lib/employer-service/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("employer.escalations");

async function EscalationsPage({ searchParams }: { searchParams: Promise<{ pagina?: string }> }) {
  const user = await requirePermission("employer.escalation.raise", "/werkgever/escalaties");
  const page = pageFrom((await searchParams).pagina);
  // The customer success manager is copied on every escalation message, where the organisation has one.
  const [t, escalations, csm] = await Promise.all([getTranslations("werkgever.escalation"), listOrganisationEscalations(user, page), getCustomerSuccessManager(user)]);
  return (
    <>
      <PageHeader title={t("pageTitle")} intro={t(csm ? "pageIntro" : "pageIntroNoCsm")} />
      {/* One confirmation on the page: raising one clears the note of a move to tier 2, and back. */}
      <ConfirmationScope>
        <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
          <section aria-labelledby="list-heading">
            <h2 id="list-heading" className="mb-3 text-lg font-semibold">{t("listTitle")}</h2>
            <EscalationList items={escalations.items} now={new Date()} allowTier2 />
            <Pagination page={page} total={escalations.total} pageSize={ESCALATION_PAGE_SIZE} basePath="/werkgever/escalaties" />
          </section>
          <section aria-labelledby="raise-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="raise-heading" className="mb-2 text-lg font-semibold">{t("raiseTitle")}</h2>
            <p className="mb-3 text-sm text-slate-600">{t(csm ? "raiseIntro" : "raiseIntroNoCsm")}</p>
            <ConfirmationSlot slot="raise" className="mb-3" />
            <RaiseEscalationForm />
          </section>
        </div>
      </ConfirmationScope>
    </>
  );
}

export default withPageMessages("app/(employer)/werkgever/escalaties", EscalationsPage);
