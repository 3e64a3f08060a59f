import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { ActiveToggle, EditBeneficiaryForm, InviteButton, MergeButton } from "@/components/beneficiaries/beneficiary-forms";
import { SuccessNote } from "@/components/ui/form-action";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission, type SessionUser } from "@/lib/auth/session";
import { findDuplicateCandidate, getBeneficiary, type BeneficiaryDetail } from "@/lib/beneficiaries/queries";
import { parseMergeSummary } from "@/lib/beneficiaries/rules";
import { recordTitle } from "@/lib/i18n/page-title";

// One read for the tab title (the person's name) and the page.
const beneficiary = cache((user: SessionUser, id: string) => getBeneficiary(user, id, new Date()));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return recordTitle("beneficiaries.manage", (user) => beneficiary(user, id), (person) => person.name, "admin.beneficiary");
}

export const dynamic = "force-dynamic";

const PATH = "/agent/beheer/klanten";

async function PersonCard({ person, heading, testId }: { person: BeneficiaryDetail; heading: string; testId: string }) {
  const t = await getTranslations("peopleAdmin");
  return (
    <div data-testid={testId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{heading}</p>
      <p className="mt-1 font-medium">{person.name}</p>
      <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <Row label={t("card.email")} value={person.email} />
        <Row label={t("card.clientNumber")} value={person.clientNumber} />
        <Row label={t("card.phone")} value={person.phone} />
        <Row label={t("card.address")} value={[person.postalStreet, person.postalCode, person.postalCity].filter(Boolean).join(", ") || null} />
      </dl>
      <CountsLine person={person} />
    </div>
  );
}

function Row({ label, value }: { label: string; value: string | null }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className="break-all">{value ?? "—"}</dd>
    </>
  );
}

async function CountsLine({ person }: { person: BeneficiaryDetail }) {
  const t = await getTranslations("peopleAdmin");
  const c = person._count;
  return <p className="mt-2 text-sm text-slate-700">{t("counts", { tickets: c.requestedTickets, appointments: c.appointments, complaints: c.complaints, calls: c.callsAsCaller, notes: c.contactNotes })}</p>;
}

async function BeneficiaryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const user = await requirePermission("beneficiaries.manage", `${PATH}/${id}`);
  const query = await searchParams;
  const q = (query.dubbel ?? "").slice(0, 254);
  const merged = parseMergeSummary(query.samengevoegd);
  const now = new Date();
  const [t, format, person] = await Promise.all([getTranslations("peopleAdmin"), getFormatter(), beneficiary(user, id)]);
  if (!person) notFound();
  const duplicate = q && !person.mergedIntoId ? await findDuplicateCandidate(user, person.id, q, now) : null;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <p className="mb-2 text-sm"><Link href={PATH} className="text-brand-700 underline">{t("back")}</Link></p>
      <PageHeader title={person.name} intro={[person.clientNumber, t(`state.${person.state}`)].filter(Boolean).join(" · ")} />
      {person.mergedInto ? (
        <p role="status" className="mb-6 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          {t("mergedNote", { name: person.mergedInto.name })} <Link href={`${PATH}/${person.mergedInto.id}`} className="text-brand-700 underline">{t("toSurvivor")}</Link>
        </p>
      ) : (
        <div className="grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="details-heading">
            <h2 id="details-heading" className="mb-3 text-lg font-semibold">{t("detailsTitle")}</h2>
            <EditBeneficiaryForm
              userId={person.id}
              values={{ name: person.name, email: person.email ?? "", clientNumber: person.clientNumber ?? "", phone: person.phone, postalStreet: person.postalStreet, postalCode: person.postalCode, postalCity: person.postalCity, locale: person.locale }}
            />
          </section>
          <div className="space-y-8">
            <section aria-labelledby="portal-heading" className="space-y-3">
              <h2 id="portal-heading" className="text-lg font-semibold">{t("portalTitle")}</h2>
              {person.state === "ACTIVE" ? <p className="text-sm">{t("hasPassword")}</p> : null}
              {person.state === "INACTIVE" ? <p className="text-sm">{t("inactiveNote")}</p> : null}
              {person.invitation && person.state !== "ACTIVE" ? (
                <p className="text-sm">{t(person.invitation.expired ? "invitationExpired" : "invitedUntil", { until: when(person.invitation.expiresAt) })}</p>
              ) : null}
              {(person.state === "INVITED" || person.state === "NOT_INVITED") && person.email === null ? <p className="text-sm">{t("noEmailNote")}</p> : null}
              {(person.state === "INVITED" || person.state === "NOT_INVITED") && person.email !== null ? <InviteButton userId={person.id} email={person.email} again={person.invitation !== null} /> : null}
              <ActiveToggle userId={person.id} name={person.name} active={person.active} />
              <CountsLine person={person} />
            </section>
            <section aria-labelledby="merge-heading" className="space-y-3">
              <h2 id="merge-heading" className="text-lg font-semibold">{t("mergeTitle")}</h2>
              {merged ? <SuccessNote>{t("merged", merged)}</SuccessNote> : null}
              <p className="text-sm text-slate-600">{t("mergeIntro")}</p>
              <form method="get" action={`${PATH}/${person.id}`} className="flex flex-wrap items-end gap-2">
                <div className="grow">
                  <label htmlFor="duplicate-search" className="block text-sm font-medium text-slate-800">{t("mergeSearchLabel")}</label>
                  <input id="duplicate-search" name="dubbel" type="search" defaultValue={q} className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2" />
                </div>
                <button type="submit" className="rounded border border-slate-500 px-4 py-2 font-medium hover:bg-slate-50">{t("find")}</button>
              </form>
              {q && !duplicate ? <p role="status" className="text-sm">{t("noDuplicate")}</p> : null}
              {duplicate ? (
                <>
                  <div className="grid gap-3 sm:grid-cols-2">
                    <PersonCard person={person} heading={t("keeps")} testId="merge-survivor" />
                    <PersonCard person={duplicate} heading={t("goesInto")} testId="merge-duplicate" />
                  </div>
                  <MergeButton survivor={{ id: person.id, name: person.name }} duplicate={{ id: duplicate.id, name: duplicate.name }} />
                </>
              ) : null}
            </section>
          </div>
        </div>
      )}
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/klanten/[id]", BeneficiaryPage);
