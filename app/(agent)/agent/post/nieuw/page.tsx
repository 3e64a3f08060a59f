import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LetterIntakeForm } from "@/components/letters/letter-intake-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { amsterdamDateKey } from "@/lib/calendar/local-time";
import { db } from "@/lib/db/client";
import { searchCallers } from "@/lib/phone/queries";
import { queueOptions } from "@/lib/tickets/queries";
import { firstParam } from "@/lib/util/url-params";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.letter");

/** Registering an incoming paper letter: find (or create) the sender, then the letter itself. */
async function LetterIntakePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("letters.intake.register", "/agent/post/nieuw");
  const params = await searchParams;
  const q = (firstParam(params.q) ?? "").slice(0, 100);
  const senderId = firstParam(params.afzender);
  const [t, locale, results, options, sender] = await Promise.all([
    getTranslations("letterIntake"),
    getLocale(),
    q ? searchCallers(q) : Promise.resolve([]),
    queueOptions(user),
    senderId
      ? db.user.findFirst({ where: { id: senderId, role: { in: ["BENEFICIARY", "EMPLOYER_CONTACT"] }, active: true }, select: { id: true, name: true, postalStreet: true, postalCode: true, postalCity: true } })
      : Promise.resolve(null),
  ]);
  const categories = options.categories.map((c) => ({ key: c.key, name: locale === "en" ? c.nameEn : c.nameNl }));
  const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="max-w-3xl space-y-6">
        {sender ? (
          <p className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="letter-sender">
            {t("chosen", { name: sender.name })} · <Link href="/agent/post/nieuw" className="underline">{t("change")}</Link>
          </p>
        ) : (
          <form method="get" role="search" aria-label={t("findSender")} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <label htmlFor="sender-q" className="text-sm font-medium">{t("findSender")}</label>
            <div className="flex gap-2">
              <input id="sender-q" name="q" type="search" defaultValue={q} className={field} aria-describedby="sender-q-hint" />
              <button type="submit" className="mt-1 rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">{t("find")}</button>
            </div>
            <p id="sender-q-hint" className="mt-1 text-xs text-slate-600">{t("findHint")}</p>
            {q && results.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t("noResults")}</p> : null}
            {results.length > 0 ? (
              <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="sender-results">
                {results.map((r) => (
                  <li key={r.id} className="flex items-center justify-between py-2">
                    <span>
                      {r.name}
                      <span className="block text-xs text-slate-600">{[r.clientNumber ?? r.memberships[0]?.organisation.name, r.email].filter(Boolean).join(" · ")}</span>
                    </span>
                    <Link href={`/agent/post/nieuw?afzender=${r.id}`} aria-label={`${t("choose")}: ${r.name}`}>{t("choose")}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </form>
        )}
        <LetterIntakeForm
          key={sender?.id ?? "new"}
          sender={sender ? { id: sender.id, name: sender.name, address: sender.postalStreet && sender.postalCode && sender.postalCity ? { street: sender.postalStreet, postalCode: sender.postalCode, city: sender.postalCity } : null } : null}
          categories={categories}
          today={amsterdamDateKey(new Date())}
        />
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/post/nieuw", LetterIntakePage);
