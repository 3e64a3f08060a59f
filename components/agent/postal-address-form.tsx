"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { updatePostalAddressAction } from "@/lib/letters/actions";
import { beforeFullStop } from "@/lib/util/sentence";
import { useAgentAction } from "./use-action-errors";

interface Address {
  street: string;
  postalCode: string;
  city: string;
}

const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";

/** The postal address letters on this ticket go to: shown, and recorded or corrected by staff. */
export function PostalAddressForm({ ticketId, address, organisationName }: { ticketId: string; address: Address | null; organisationName: string | null }) {
  const t = useTranslations("agentPostal");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Address>(address ?? { street: "", postalCode: "", city: "" });
  const [saved, setSaved] = useState(false);
  const { errors, error, pending, run } = useAgentAction("agentPostal");

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    run(
      () => updatePostalAddressAction({ ticketId, ...values }),
      () => {
        setSaved(true);
        setOpen(false);
        router.refresh();
      },
    );
  }
  const message = (name: keyof Address) => {
    const code = errors[name]?.[0];
    if (!code) return null;
    const key = ["TOO_SHORT", "TOO_LONG", "HOUSE_NUMBER", "POSTCODE"].includes(code) ? code : "TOO_SHORT";
    return (
      <p id={`postal-${name}-error`} className="mt-1 text-sm text-red-700">
        {t(`fieldErrors.${key}`)}
      </p>
    );
  };
  const aria = (name: keyof Address, hint?: string) => {
    const describedBy = [errors[name] ? `postal-${name}-error` : null, hint ?? null].filter(Boolean).join(" ");
    return { ...(errors[name] ? { "aria-invalid": true } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) };
  };

  return (
    <section aria-labelledby="postal-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="postal-heading" className="mb-2 text-lg font-semibold">
        {t("heading")}
      </h2>
      {organisationName ? <p className="mb-1 text-xs text-slate-600">{t("forOrganisation", { organisation: beforeFullStop(organisationName) })}</p> : null}
      {address ? (
        <address className="text-sm not-italic" data-testid="postal-address">
          {address.street}
          <br />
          {address.postalCode} {address.city}
        </address>
      ) : (
        <p className="text-sm text-amber-900">{t("none")}</p>
      )}
      {saved ? (
        <p role="status" className="mt-2 rounded border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900">
          {t("saved")}
        </p>
      ) : null}
      {open ? (
        <form onSubmit={submit} noValidate className="mt-3 space-y-2">
          {error ? (
            <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
              {error}
            </p>
          ) : null}
          <div>
            <label htmlFor="postal-street" className="text-sm font-medium">{t("street")}</label>
            <input id="postal-street" autoComplete="street-address" value={values.street} onChange={(e) => setValues({ ...values, street: e.target.value })} className={field} {...aria("street")} />
            {message("street")}
          </div>
          <div>
            <label htmlFor="postal-code" className="text-sm font-medium">{t("postalCode")}</label>
            <input id="postal-code" autoComplete="postal-code" value={values.postalCode} onChange={(e) => setValues({ ...values, postalCode: e.target.value })} className={field} {...aria("postalCode", "postal-code-hint")} />
            <p id="postal-code-hint" className="mt-1 text-xs text-slate-600">{t("postalCodeHint")}</p>
            {message("postalCode")}
          </div>
          <div>
            <label htmlFor="postal-city" className="text-sm font-medium">{t("city")}</label>
            <input id="postal-city" autoComplete="address-level2" value={values.city} onChange={(e) => setValues({ ...values, city: e.target.value })} className={field} {...aria("city")} />
            {message("city")}
          </div>
          <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {t("save")}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)} className="mt-2 text-sm font-medium text-brand-700 underline">
          {t("edit")}
        </button>
      )}
    </section>
  );
}
