"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/define";
import { resetBrandAction, updateBrandAction } from "@/lib/brand/actions";
import { brandPalette, contrastRatio, isHexColour, LOGO_MAX_BYTES, MIN_CONTRAST, NAME_MAX, shownRatio } from "@/lib/brand/rules";

const input = "mt-1 block rounded border border-slate-400 bg-white px-2 py-1 aria-[invalid=true]:border-red-700";
type Name = "name" | "primaryColor" | "secondaryColor" | "logo";

export interface BrandFormValues {
  name: string;
  primaryColor: string;
  secondaryColor: string | null;
  logoUrl: string | null;
  custom: boolean;
}

/** The admin's house style: name, colours (checked for contrast as typed), logo, and a live preview. */
export function BrandForm({ brand }: { brand: BrandFormValues }) {
  const t = useTranslations("brandSettings");
  const router = useRouter();
  const [ask, confirmDialog] = useConfirm();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<(ActionResult<undefined> & { reset?: boolean }) | null>(null);
  const [name, setName] = useState(brand.name);
  const [primary, setPrimary] = useState(brand.primaryColor);
  const [secondary, setSecondary] = useState(brand.secondaryColor ?? "");

  const ratio = (value: string) => (isHexColour(value.trim()) ? shownRatio(contrastRatio(value.trim(), "#ffffff")) : null);
  const message = (code: string, value: string) =>
    code === "COLOUR_CONTRAST" ? t("errors.COLOUR_CONTRAST", { ratio: ratio(value) ?? 0, min: MIN_CONTRAST }) : t.has(`errors.${code}`) ? t(`errors.${code}`, { max: NAME_MAX, kb: LOGO_MAX_BYTES / 1024 }) : t("errors.INVALID");
  const errors = (field: Name) => (outcome && !outcome.ok ? (outcome.fieldErrors?.[field] ?? []) : []);
  const values: Record<Name, string> = { name, primaryColor: primary, secondaryColor: secondary, logo: "" };
  const fieldError = (field: Name) =>
    errors(field).length ? (
      <p id={`brand-${field}-error`} className="mt-1 text-sm text-red-700">
        {errors(field).map((code) => message(code, values[field])).join(" ")}
      </p>
    ) : null;
  const aria = (field: Name, hint?: string) => ({
    "aria-invalid": errors(field).length ? true : undefined,
    "aria-describedby": [hint, errors(field).length ? `brand-${field}-error` : null].filter(Boolean).join(" ") || undefined,
  });

  const previewColours = (() => {
    const p = isHexColour(primary.trim()) ? primary.trim().toLowerCase() : brand.primaryColor;
    const s = isHexColour(secondary.trim()) ? secondary.trim().toLowerCase() : null;
    return brandPalette({ primaryColor: p, secondaryColor: s });
  })();
  const liveRatio = ratio(primary);

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form
        aria-label={t("section")}
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          // Checked here too, so a huge file is not sent at all (the server checks it again by content).
          const picked = form.get("logo");
          if (picked instanceof File && picked.size > LOGO_MAX_BYTES) {
            setOutcome({ ok: false, reason: "LOGO_TOO_LARGE", fieldErrors: { logo: ["LOGO_TOO_LARGE"] } });
            return;
          }
          start(async () => {
            const result = await updateBrandAction(form).catch((): ActionResult<undefined> => ({ ok: false, reason: "UNEXPECTED" }));
            setOutcome(result);
            if (result.ok) router.refresh();
          });
        }}
      >
        <div>
          <label htmlFor="brand-name" className="block text-sm font-medium">{t("name")}</label>
          <input id="brand-name" name="name" type="text" maxLength={NAME_MAX + 20} value={name} onChange={(e) => setName(e.target.value)} className={`${input} w-full`} {...aria("name")} />
          {fieldError("name")}
        </div>
        {(
          [
            ["primaryColor", primary, setPrimary, "brand-primary-hint"],
            ["secondaryColor", secondary, setSecondary, "brand-secondary-hint"],
          ] as const
        ).map(([field, value, set, hint]) => (
          <div key={field}>
            <label htmlFor={`brand-${field}`} className="block text-sm font-medium">{t(field)}</label>
            <p id={hint} className="text-sm text-slate-600">
              {field === "primaryColor" ? t("primaryHint", { min: MIN_CONTRAST }) : t("secondaryHint")}
            </p>
            <div className="flex items-center gap-2">
              <input
                id={`brand-${field}`}
                name={field}
                type="text"
                inputMode="text"
                spellCheck={false}
                autoComplete="off"
                placeholder="#115467"
                maxLength={7}
                value={value}
                onChange={(e) => set(e.target.value)}
                className={`${input} w-28 font-mono`}
                {...aria(field, hint)}
              />
              <input
                type="color"
                aria-label={t("picker", { field: t(field) })}
                value={isHexColour(value.trim()) ? value.trim().toLowerCase() : "#115467"}
                onChange={(e) => set(e.target.value)}
                className="mt-1 h-8 w-10 cursor-pointer rounded border border-slate-400 bg-white"
              />
              {field === "primaryColor" && liveRatio !== null ? (
                <span className={`text-sm ${liveRatio >= MIN_CONTRAST ? "text-green-800" : "text-red-700"}`} data-testid="brand-contrast">
                  {t("contrast", { ratio: liveRatio })}
                </span>
              ) : null}
            </div>
            {fieldError(field)}
          </div>
        ))}
        <div>
          <label htmlFor="brand-logo" className="block text-sm font-medium">{t("logo")}</label>
          <p id="brand-logo-hint" className="text-sm text-slate-600">{t("logoHint", { kb: LOGO_MAX_BYTES / 1024 })}</p>
          <input id="brand-logo" name="logo" type="file" accept="image/png,image/jpeg" className="mt-1 block text-sm" {...aria("logo", "brand-logo-hint")} />
          {fieldError("logo")}
          {brand.logoUrl ? (
            <div className="mt-2 flex items-center gap-3">
              {/* eslint-disable-next-line @next/next/no-img-element -- the current logo from our own route */}
              <img src={brand.logoUrl} alt={t("currentLogo")} className="h-10 w-auto max-w-40 rounded border border-slate-200 object-contain" />
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="removeLogo" /> {t("removeLogo")}
              </label>
            </div>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            {pending ? t("saving") : t("save")}
          </button>
          {brand.custom ? (
            <button
              type="button"
              disabled={pending}
              className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 disabled:opacity-60"
              onClick={async () => {
                if (!(await ask(t("resetConfirm"), { confirmLabel: t("reset"), danger: true }))) return;
                start(async () => {
                  const result = await resetBrandAction().catch((): ActionResult<undefined> => ({ ok: false, reason: "UNEXPECTED" }));
                  setOutcome({ ...result, reset: true });
                  if (result.ok) {
                    setName("Loket");
                    setPrimary("#115467");
                    setSecondary("");
                    router.refresh();
                  }
                });
              }}
            >
              {t("reset")}
            </button>
          ) : null}
        </div>
        {outcome?.ok ? <p role="status" className="text-sm text-green-800">{outcome.reset ? t("resetDone") : t("saved")}</p> : null}
        {outcome && !outcome.ok ? (
          <p role="alert" className="text-sm text-red-800">
            {outcome.reason === "INVALID_INPUT" || outcome.reason.startsWith("LOGO_") ? t("errors.SUMMARY") : t.has(`errors.${outcome.reason}`) ? t(`errors.${outcome.reason}`) : t("errors.UNEXPECTED")}
          </p>
        ) : null}
        {confirmDialog}
      </form>
      <div>
        <h3 className="mb-2 font-medium">{t("preview")}</h3>
        <div className="overflow-hidden rounded border border-slate-200" aria-hidden="true" data-testid="brand-preview">
          <div className="px-4 py-3 text-lg font-semibold text-white" style={{ background: previewColours["700"] }}>
            {name.trim() || "Loket"}
          </div>
          <div className="px-4 py-2 text-sm font-medium text-white" style={{ background: previewColours["800"] }}>
            {t("previewNav")}
          </div>
          <div className="bg-white p-4">
            <span className="inline-block rounded px-3 py-1.5 text-sm font-medium text-white" style={{ background: previewColours["700"] }}>
              {t("previewButton")}
            </span>
          </div>
        </div>
      </div>
    </div>
  );
}
