"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorNote, SubmitButton } from "@/components/ui/form-action";
import { startImportAction } from "@/lib/import/actions";

const KINDS = ["BENEFICIARIES", "ORGANISATIONS", "EMPLOYER_CONTACTS"] as const;
const MAX_BYTES = 25 * 1024 * 1024;
const KNOWN = new Set(["INVALID_INPUT", "EMPTY_FILE", "NOT_TEXT", "FILE_TOO_LARGE", "FORBIDDEN", "UNAUTHENTICATED"]);

/** Kind, file and the dry-run box (on by default); on success the job's own page shows its progress. */
export function ImportUploadForm() {
  const t = useTranslations("importAdmin");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const [kind, setKind] = useState<(typeof KINDS)[number]>("BENEFICIARIES");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    setReason(null);
    // Refused here too: past the server's body limit the call would fail without a useful message.
    if (!(file instanceof File) || file.name === "") return setReason("INVALID_INPUT");
    if (file.size === 0) return setReason("EMPTY_FILE");
    if (file.size > MAX_BYTES) return setReason("FILE_TOO_LARGE");
    setPending(true);
    try {
      const result = await startImportAction(data);
      if (result.ok) {
        router.push(`/agent/beheer/import/${result.data.id}`);
        return;
      }
      setReason(KNOWN.has(result.reason) ? result.reason : "UNEXPECTED");
    } catch {
      setReason("UNEXPECTED");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("uploadTitle")} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      {reason ? <ErrorNote>{t(`errors.${reason}`)}</ErrorNote> : null}
      <fieldset>
        <legend className="mb-2 font-medium">{t("kind")}</legend>
        <div className="space-y-1">
          {KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="text-sm text-slate-700" data-testid="import-columns">
        <span className="font-medium">{t("columnsTitle")}: </span>
        {t(`columns.${kind}`)} <span className="text-slate-600">({t("required")})</span>
      </p>
      <div>
        <label htmlFor="import-file" className="mb-1 block font-medium">{t("file")}</label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv,text/plain" aria-describedby="import-file-hint" className="block w-full text-sm" />
        <p id="import-file-hint" className="mt-1 text-sm text-slate-600">{t("fileHint")}</p>
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="dryRun" defaultChecked />
        {t("dryRun")}
      </label>
      {kind === "EMPLOYER_CONTACTS" ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" name="invite" />
          {t("invite")}
        </label>
      ) : null}
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("working")} />
    </form>
  );
}
