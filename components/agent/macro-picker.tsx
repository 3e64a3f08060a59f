"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { renderMacro } from "@/lib/macros/actions";
import type { RenderedMacro } from "@/lib/macros/queries";
import { useErrorText } from "./use-action-errors";

export interface MacroOption {
  id: string;
  title: string;
  locale: "nl" | "en";
}

/** Choose a macro and insert it, filled from the ticket on the server, into the reply. */
export function MacroPicker({ ticketId, macros, onInsert }: { ticketId: string; macros: MacroOption[]; onInsert: (macro: RenderedMacro) => void }) {
  const t = useTranslations("agentMacros");
  const errorText = useErrorText("agentMacros");
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (macros.length === 0) return null;

  function insert() {
    if (!chosen) return;
    start(async () => {
      const result = await renderMacro({ macroId: chosen, ticketId }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
      if (!result.ok) return setError(errorText(result.reason));
      setError(null);
      onInsert(result.data);
    });
  }

  return (
    <div className="mb-3">
      <label htmlFor="macro-choice" className="text-sm font-medium">
        {t("insertLabel")}
      </label>
      <div className="mt-1 flex gap-2">
        <select id="macro-choice" value={chosen} onChange={(e) => setChosen(e.target.value)} className="block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm">
          <option value="">{t("choose")}</option>
          {macros.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
              {m.locale === "en" ? " (EN)" : ""}
            </option>
          ))}
        </select>
        <button type="button" onClick={insert} disabled={pending || !chosen} className="rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60">
          {t("insert")}
        </button>
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
