"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { fail, type ActionResult } from "@/lib/actions/define";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { startImport } from "./commands";
import { runImportJobs } from "./runner";
import { MAX_IMPORT_BYTES } from "./schema";

/**
 * The upload form: the file is read here (server actions carry up to the body limit set in
 * next.config.js, above MAX_IMPORT_BYTES) and stored as a job; the work starts after the response,
 * so the admin lands on the job's page at once. The sweep picks up a job this process did not finish.
 */
export async function startImportAction(form: FormData): Promise<ActionResult<{ id: string }>> {
  const file = form.get("file");
  if (!(file instanceof File) || file.name === "") return fail("INVALID_INPUT", { file: ["REQUIRED"] });
  if (file.size === 0) return fail("EMPTY_FILE", { file: ["EMPTY_FILE"] });
  if (file.size > MAX_IMPORT_BYTES) return fail("FILE_TOO_LARGE", { file: ["FILE_TOO_LARGE"] });
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A picture, a PDF or a spreadsheet has NUL bytes; a CSV, in whatever encoding it was saved, never.
  if (bytes.includes(0)) return fail("NOT_TEXT", { file: ["NOT_TEXT"] });
  const content = new TextDecoder("utf-8").decode(bytes);
  const result = await startImport.execute(await getSessionUser(), { kind: form.get("kind"), dryRun: form.get("dryRun"), invite: form.get("invite"), fileName: file.name, content }, new Date());
  if (result.ok) {
    revalidatePath("/agent/beheer/import");
    after(async () => {
      try {
        await runImportJobs(db, new Date());
      } catch (error) {
        console.error("[import] background run failed", error instanceof Error ? error.message.slice(0, 200) : "error");
      }
    });
  }
  return result;
}
