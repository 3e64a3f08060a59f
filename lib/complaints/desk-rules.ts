// Pure rules of the complaints desk: who handles which stage, and what every answer must say.
import type { ComplaintStage, Role } from "@prisma/client";

/** Stage 1 and signals are the line's (coordinators, managers); stage 2 the independent ombudsman. */
export function mayHandleStage(role: Role, stage: ComplaintStage): boolean {
  if (stage === "STAGE_2") return role === "OMBUDS";
  return role === "TEAM_COORDINATOR" || role === "MANAGER";
}

export const COMPLAINT_STAGES: readonly ComplaintStage[] = ["SIGNAL", "STAGE_1", "STAGE_2", "STAGE_3"];

/**
 * Who may open a complaint's own ticket in the workspace, and so answer, annotate or change it
 * there: whoever handles its stage on the desk. A referred complaint (stage 3) stays with the
 * ombudsman who handled stage 2: its ticket holds the ombudsman's work, which the line does not
 * read (DESIGN: independent of the line); internal handling has ended, so nobody else needs it.
 */
export function mayWorkComplaintTicket(role: Role, stage: ComplaintStage): boolean {
  return mayHandleStage(role, stage === "STAGE_3" ? "STAGE_2" : stage);
}

/** Only the ombudsman reads the working notes of stage 2 (DESIGN: independent of the line). */
export function mayReadNotesOf(role: Role, stage: ComplaintStage): boolean {
  return stage === "STAGE_2" ? role === "OMBUDS" : role === "TEAM_COORDINATOR" || role === "MANAGER" || role === "OMBUDS";
}

export function mayUseComplaintDesk(role: Role): boolean {
  return role === "TEAM_COORDINATOR" || role === "MANAGER" || role === "OMBUDS";
}

export interface NextStepTexts {
  ombudsman: { nl: string; en: string };
  externalBody: { nl: string; en: string };
}

/**
 * Where the customer can go next, by stage: after stage 1 the internal ombudsman, after stage 2
 * the external body. Null when that text is not configured: then no answer may go out.
 */
export function nextStepText(stage: ComplaintStage, locale: "nl" | "en", texts: NextStepTexts): string | null {
  const text = stage === "STAGE_1" ? texts.ombudsman[locale] : stage === "STAGE_2" ? texts.externalBody[locale] : null;
  return text && text.trim().length >= 20 ? text.trim() : null;
}

export function answerWithNextStep(body: string, nextStep: string): string {
  return `${body.trim()}\n\n${nextStep}`;
}
