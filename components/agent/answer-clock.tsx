import { getTranslations } from "next-intl/server";
import { answerClockView, type TicketClockFields } from "@/lib/sla/lifecycle";
import { SlaBadge } from "./sla-badge";
import { When } from "./when";

const TAG = "inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1";

/**
 * The ticket's answer clock as staff should read it: the due time while an answer is owed,
 * "answered in time / after the deadline" once answered, "waiting on the customer" while paused
 * (never "late" then; see lib/sla/lifecycle.ts).
 */
export async function AnswerClock({ ticket }: { ticket: TicketClockFields }) {
  const t = await getTranslations("agentTicket");
  const view = answerClockView(ticket);
  const waiting = ticket.status === "PENDING_CUSTOMER";
  const waitingTag = <span className={`${TAG} bg-sky-50 text-sky-900 ring-sky-200`}>{t("slaWaiting")}</span>;
  switch (view.kind) {
    case "DUE":
      return (
        <>
          <When date={view.dueAt} /> <SlaBadge state={view.state} />
        </>
      );
    case "WAITING":
      return waitingTag;
    case "ANSWERED":
      return (
        <>
          <span className={`${TAG} ${view.late ? "bg-red-50 text-red-800 ring-red-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200"}`}>
            {view.late ? t("slaAnsweredLate") : t("slaAnsweredInTime")}
          </span>{" "}
          <When date={view.at} />
          {waiting ? <> {waitingTag}</> : null}
        </>
      );
    case "NONE":
      return <>—</>;
  }
}
