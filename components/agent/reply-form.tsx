"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { RenderedMacro } from "@/lib/macros/queries";
import { unfilledMarkers } from "@/lib/macros/rules";
import { noteAction, replyAction } from "@/lib/workspace/actions";
import { KbSearch } from "./kb-search";
import { MacroPicker, type MacroOption } from "./macro-picker";
import { fieldAria, focusFirstBad, WorkspaceFieldError, WorkspaceRefusal } from "./field-feedback";
import { useErrorText } from "./use-action-errors";

/**
 * Reply on the default channel (or another written one), or write an internal note; insert KB
 * answers and macros. A macro's field changes wait for the reply to be sent (lib/macros/mutations).
 */
export function ReplyForm({
  ticketId,
  defaultChannel,
  closed,
  macros = [],
  letterAddressKnown = true,
}: {
  ticketId: string;
  defaultChannel: "PORTAL" | "EMAIL" | "LETTER";
  closed: boolean;
  macros?: MacroOption[];
  letterAddressKnown?: boolean;
}) {
  const t = useTranslations("agentTicket");
  const tm = useTranslations("agentMacros");
  const tStatus = useTranslations("staffStatus");
  const locale = useLocale();
  const [macro, setMacro] = useState<RenderedMacro | null>(null);
  const tc = useTranslations("channel");
  const errorText = useErrorText("agentTicket");
  const router = useRouter();
  const [body, setBody] = useState("");
  const [channel, setChannel] = useState(defaultChannel);
  const [mode, setMode] = useState<"reply" | "note">("reply");
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  // Files go with a reply only; the input is remounted (key) to clear it after sending.
  const [files, setFiles] = useState<File[]>([]);
  const [filesKey, setFilesKey] = useState(0);

  // The inputs' ids, for the summary's link and focus.
  const idOf = (name: string) => ({ body: "reply-body", channel: "reply-channel", files: "reply-files" })[name] ?? name;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setDone(null);
    start(async () => {
      const reply = { ticketId, body, channel, files, ...(macro ? { macroId: macro.macroId } : {}) };
      const result = await (mode === "reply" ? replyAction(reply) : noteAction({ ticketId, body })).catch(() => ({ ok: false as const, reason: "UNEXPECTED", fieldErrors: undefined }));
      if (result.ok) {
        setBody("");
        if (mode === "reply") {
          setMacro(null);
          setFiles([]);
          setFilesKey((k) => k + 1);
        }
        setError(null);
        setReason(null);
        setFieldErrors({});
        setDone(mode === "reply" ? t("replySent", { channel }) : t("noteSaved"));
        router.refresh();
        return;
      }
      const refused = result.reason === "INVALID_INPUT" ? (result.fieldErrors ?? {}) : {};
      setFieldErrors(refused);
      setReason(result.reason);
      setError(errorText(result.reason));
      focusFirstBad(refused, idOf);
    });
  }

  function insertMacro(rendered: RenderedMacro) {
    setBody((b) => (b.trim() ? `${b}\n\n${rendered.text}` : rendered.text));
    setMacro(rendered);
    setMode("reply");
  }
  const changes = macro
    ? [
        macro.setStatus ? tm("setsStatus", { status: tStatus(macro.setStatus) }) : null,
        macro.setCategory ? tm("setsCategory", { category: locale === "en" ? macro.setCategory.nameEn : macro.setCategory.nameNl }) : null,
      ].filter((c): c is string => c !== null)
    : [];
  const markers = mode === "reply" ? unfilledMarkers(body) : [];

  if (closed) return <p className="rounded border border-slate-300 bg-slate-100 p-3 text-sm">{t("closedNoReply")}</p>;
  return (
    <section aria-labelledby="reply-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="reply-heading" className="mb-3 text-lg font-semibold">
        {t("respond")}
      </h2>
      <form onSubmit={submit} noValidate>
        <div className="mb-3 empty:hidden">
          <WorkspaceRefusal reason={reason} fieldErrors={fieldErrors} idOf={idOf} text={error} />
        </div>
        <fieldset className="mb-3 flex gap-4 text-sm">
          <legend className="sr-only">{t("kind")}</legend>
          <label className="flex items-center gap-1">
            <input type="radio" name="mode" checked={mode === "reply"} onChange={() => setMode("reply")} /> {t("reply")}
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="mode" checked={mode === "note"} onChange={() => setMode("note")} /> {t("internalNote")}
          </label>
        </fieldset>
        {mode === "reply" ? (
          <div className="mb-3">
            <label htmlFor="reply-channel" className="text-sm font-medium">
              {t("replyChannel")}
            </label>
            <select id="reply-channel" value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)} className="mt-1 block rounded border border-slate-400 px-2 py-1.5 text-sm">
              {(["PORTAL", "EMAIL", "LETTER"] as const).map((c) => (
                <option key={c} value={c}>
                  {tc(c)}
                  {c === defaultChannel ? ` (${t("default")})` : ""}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {mode === "reply" && channel === "LETTER" ? (
          <div className="mb-3 space-y-2 text-sm" data-testid="letter-hint">
            <p className="rounded border border-sky-200 bg-sky-50 p-2 text-sky-900">{tm("letterHint")}</p>
            {letterAddressKnown ? null : <p className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900">{tm("noAddress")}</p>}
          </div>
        ) : null}
        {mode === "reply" ? <MacroPicker ticketId={ticketId} macros={macros} onInsert={insertMacro} /> : null}
        {mode === "reply" ? (
          <div className="mb-3">
            <label htmlFor="reply-files" className="text-sm font-medium">
              {t("replyFiles")}
            </label>
            <input
              key={filesKey}
              id="reply-files"
              type="file"
              multiple
              accept="application/pdf,image/jpeg,image/png"
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
              className="mt-1 block text-sm"
              aria-describedby="reply-files-hint"
            />
            <p id="reply-files-hint" className="mt-1 text-xs text-slate-600">{t("replyFilesHint")}</p>
          </div>
        ) : null}
        <label htmlFor="reply-body" className="text-sm font-medium">
          {mode === "reply" ? t("replyText") : t("noteText")}
        </label>
        <textarea
          id="reply-body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={6}
          {...fieldAria("reply-body", fieldErrors.body)}
          className="mt-1 block w-full rounded border border-slate-400 px-2 py-1.5 text-sm"
        />
        {mode === "reply" && macro ? (
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700" data-testid="macro-note">
            <span>
              {macro.title}
              {changes.length > 0 ? ` · ${tm("onSend", { changes: changes.join(", ") })}` : ""}
            </span>
            <button type="button" onClick={() => setMacro(null)} className="font-medium text-brand-700 underline">
              {tm("detach")}
            </button>
          </div>
        ) : null}
        {markers.length > 0 ? <p className="mt-1 text-sm text-amber-800">{tm("unfilled", { markers: markers.join(", ") })}</p> : null}
        <WorkspaceFieldError id="reply-body" errors={fieldErrors.body} namespace="agentTicket" />
        {done ? (
          <p role="status" className="mt-2 rounded border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900">
            {done}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className="mt-3 rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {mode === "reply" ? t("send") : t("saveNote")}
        </button>
      </form>
      <KbSearch
        inputId="kb-search"
        labels={{ search: t("kbSearch"), find: t("kbFind"), none: t("kbNone"), insert: t("kbInsert") }}
        onInsert={(answer) => setBody((b) => (b ? `${b}\n\n${answer}` : answer))}
      />
    </section>
  );
}
