import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { saveImportOptions } from "./options";
import { startImportSchema } from "./schema";

/**
 * Stores an uploaded file as a waiting import job; the runner (lib/import/runner.ts) does the work
 * in the background. Refused: EMPTY_FILE (nothing but blanks). The file's lines are checked by the
 * runner, each problem with its line number, so a bad line never refuses the upload as a whole.
 */
export const startImport = defineAction({
  name: "import.start",
  schema: startImportSchema,
  permission: "import.run",
  handler: async (input, { user, now }) => {
    if (input.content.replace(/^\uFEFF/, "").trim() === "") return fail("EMPTY_FILE");
    const fileName = (input.fileName.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 120) || "import.csv";
    const job = await db.$transaction(async (tx) => {
      const created = await tx.importJob.create({
        data: { kind: input.kind, dryRun: input.dryRun, fileName, content: input.content, createdById: user.id, createdAt: now },
        select: { id: true },
      });
      // Only a real run of employer contacts mails anyone.
      await saveImportOptions(tx, created.id, { invite: input.invite && !input.dryRun && input.kind === "EMPLOYER_CONTACTS" });
      return created;
    });
    return ok({ id: job.id });
  },
});
