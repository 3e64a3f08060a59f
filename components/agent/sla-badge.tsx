import { getTranslations } from "next-intl/server";

const STYLE: Record<string, string> = {
  ON_TRACK: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  AT_RISK: "bg-amber-50 text-amber-900 ring-amber-300",
  BREACHED: "bg-red-50 text-red-800 ring-red-200",
};

export async function SlaBadge({ state, paused }: { state: string | null; paused?: boolean }) {
  const t = await getTranslations();
  if (!state) return null;
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${STYLE[state] ?? ""}`}>
      {t(`sla.${state}`)}
      {paused ? ` · ${t("agentTicket.paused")}` : ""}
    </span>
  );
}
