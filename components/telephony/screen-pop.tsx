"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

interface Pop {
  callId: string;
  callerId: string | null;
  callerName: string | null;
  callerNumber: string | null;
  alertNote: string | null;
  href: string;
}

/**
 * The call the telephone platform just put through to this agent, shown live without taking the
 * page away from what the agent was doing: who calls, the "not reached" note first, a link to the
 * full caller panel. Gone when the call ends or the agent dismisses it.
 */
export function ScreenPop() {
  const t = useTranslations("telephonyPop");
  const [pop, setPop] = useState<Pop | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);

  useEffect(() => {
    const source = new EventSource("/api/agent/live");
    source.addEventListener("call", (event) => setPop(JSON.parse((event as MessageEvent<string>).data) as Pop | null));
    return () => source.close();
  }, []);

  const visible = pop && pop.callId !== dismissed ? pop : null;
  return (
    <div aria-live="assertive" className="fixed right-4 bottom-4 z-40 w-80 max-w-[calc(100vw-2rem)]">
      {visible ? (
        <section aria-labelledby="screen-pop-heading" className="rounded-lg border-2 border-brand-700 bg-white p-4 shadow-lg" data-testid="screen-pop">
          <h2 id="screen-pop-heading" className="font-semibold">{t("heading")}</h2>
          <p className="mt-1 text-sm">
            {visible.callerName ?? t("unknownCaller")}
            {visible.callerNumber ? <span className="block text-slate-700">{visible.callerNumber}</span> : null}
          </p>
          {visible.alertNote ? (
            <p className="mt-2 rounded border-2 border-red-600 bg-red-50 p-2 text-sm text-red-900" data-testid="screen-pop-alert">
              <strong className="mr-1">{t("attention")}:</strong>
              {visible.alertNote}
            </p>
          ) : null}
          <div className="mt-3 flex gap-2">
            <Link href={visible.href} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
              {t("open")}
            </Link>
            <button type="button" onClick={() => setDismissed(visible.callId)} className="rounded border border-slate-400 px-3 py-1.5 text-sm">
              {t("dismiss")}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
