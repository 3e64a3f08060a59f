import { getTranslations } from "next-intl/server";

export interface CsmView {
  name: string;
  email: string;
  phone: string | null;
}

/** The organisation's customer success manager: name, e-mail and phone when known. */
export async function CustomerSuccessManager({ csm, headingLevel = 2 }: { csm: CsmView | null; headingLevel?: 2 | 3 }) {
  const t = await getTranslations("serviceContact");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="csm-heading" data-testid="csm" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <Heading id="csm-heading" className="text-lg font-semibold">{t("csmTitle")}</Heading>
      {csm ? (
        <>
          <p className="mt-1 text-sm text-slate-700">{t("csmIntro")}</p>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">{t("name")}</dt>
            <dd>{csm.name}</dd>
            <dt className="font-medium">{t("email")}</dt>
            <dd><a href={`mailto:${csm.email}`}>{csm.email}</a></dd>
            {csm.phone ? (
              <>
                <dt className="font-medium">{t("phone")}</dt>
                <dd><a href={`tel:${csm.phone.replace(/[^0-9+]/g, "")}`}>{csm.phone}</a></dd>
              </>
            ) : null}
          </dl>
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-700">{t("noCsm")}</p>
      )}
    </section>
  );
}
