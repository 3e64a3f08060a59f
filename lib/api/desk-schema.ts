import { z } from "zod";
import { periodSchema } from "@/lib/kpi/period";

export const complaintListQuery = z.object({
  stage: z.enum(["SIGNAL", "STAGE_1", "STAGE_2", "STAGE_3"]).optional(),
  status: z.enum(["OPEN", "ANSWERED", "REFERRED", "CLOSED"]).optional(),
  page: z.coerce.number().int("INTEGER").min(0, "TOO_SMALL").max(10_000, "TOO_LARGE").default(0),
});

export const escalationListQuery = z.object({ tier: z.enum(["1", "2"]).default("1").meta({ description: "1: the coordinators' board; 2: the managers'." }) });

/** The KPI page's period (Amsterdam calendar days, inclusive); without them, this quarter. */
export const kpiQuery = z.object({
  from: z.string().optional().meta({ example: "2026-10-01" }),
  to: z.string().optional().meta({ example: "2026-12-31" }),
});
/** The period itself is checked by the KPI page's own schema. */
export { periodSchema };
