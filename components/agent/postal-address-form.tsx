"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { updatePostalAddressAction } from "@/lib/letters/actions";
import { beforeFullStop } from "@/lib/util/sentence";
import { fieldAria, WorkspaceFieldError, WorkspaceRefusal } from "./field-feedback";
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
  const idOf = (name: string) => (name === "postalCode" ? "postal-code" : `postal-${name}`);
  const { errors, error, reason, pending, run } = useAgentAction("agentPostal", idOf);

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
  const message = (name: keyof Address) => <WorkspaceFieldError id={idOf(name)} errors={errors[name]} namespace="agentPostal" extraCodes={["HOUSE_NUMBER", "POSTCODE"]} />;
  const aria = (name: keyof Address, hint?: string) => fieldAria(idOf(name), errors[name], hint);

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
          <WorkspaceRefusal reason={reason} fieldErrors={errors} idOf={idOf} text={error} />
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
