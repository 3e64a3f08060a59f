import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ContactLineView } from "@/lib/lines/queries";
import { type CsmView, CustomerSuccessManager } from "./customer-success-manager";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** On the employer home: the employer line's hours and whether it is open now, and the CSM. */
export async function ServicePanel({ line, csm }: { line: ContactLineView | null; csm: CsmView | null }) {
  const [t, tl] = await Promise.all([getTranslations("serviceContact"), getTranslations("contactLines")]);
  return (
    <div className="mb-8 grid gap-4 lg:grid-cols-2">
      {line ? (
        <section aria-labelledby="line-hours-heading" data-testid="employer-line" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="line-hours-heading" className="text-lg font-semibold">{t("linesTitle")}</h2>
          <p className="mt-1 text-sm">
            {line.name}
            {line.phone ? <>: <span className="font-semibold">{line.phone}</span></> : null}
          </p>
          <p className={`mt-1 font-medium ${line.open ? "text-green-800" : "text-brand-800"}`}>{line.status}</p>
          <table className="mt-2 text-sm">
            <caption className="sr-only">{`${tl("hours")}: ${line.name}`}</caption>
            <tbody>
              {WEEKDAYS.map((day) => (
                <tr key={day}>
                  <th scope="row" className="pr-6 text-left font-normal">{tl(`weekdays.${day}`)}</th>
                  <td>{line.schedule[day].length ? line.schedule[day].map((i) => `${i.open}-${i.close}`).join(", ") : tl("closed")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-3 text-sm"><Link href="/werkgever/contact">{t("allContact")}</Link></p>
        </section>
      ) : null}
      <CustomerSuccessManager csm={csm} />
    </div>
  );
}
