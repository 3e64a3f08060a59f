import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import type { Period } from "@/lib/kpi/rules";
import { type CsvLabels, overviewCsv } from "./csv";
import { overviewExport } from "./queries";
import { answerTimes, type OverviewFilters } from "./rules";

export interface ExportTexts extends CsvLabels {
  locale: "nl" | "en";
  /** The status as the employer reads it (a complaint's ticket shows the complaint's status). */
  status: (row: { status: string; complaintStatus: string | null }) => string;
}

/** The CSV the export route sends: the filtered list in the contact's scope, in their language. */
export async function overviewCsvFor(user: SessionUser, period: Period, filters: OverviewFilters, now: Date, texts: ExportTexts): Promise<{ csv: string; cut: boolean }> {
  const { rows, cut } = await overviewExport(user, period, filters, now);
  const csv = overviewCsv(
    rows.map((r) => ({
      number: r.number,
      subject: r.subject,
      category: texts.locale === "en" ? r.category.nameEn : r.category.nameNl,
      status: texts.status({ status: r.status, complaintStatus: r.complaint?.status ?? null }),
      requester: r.requester?.name ?? "",
      createdAt: r.createdAt,
      ...answerTimes(r),
      timing: r.timing,
    })),
    texts,
  );
  return { csv, cut };
}
