import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { recordDownload } from "./mutations";
import { findDownloadableAttachment } from "./queries";
import { openStoredUpload } from "./storage";

const notFound = () => new Response("Not found", { status: 404 });

/**
 * The download of one attachment for this session, streamed from whichever store is configured.
 * 404 for anything the session may not see and for a stored file that has gone missing, so an id
 * reveals nothing; 503 when the store cannot be read.
 */
export async function downloadResponse(user: SessionUser, attachmentId: string): Promise<Response> {
  const attachment = await findDownloadableAttachment(user, attachmentId);
  if (!attachment) return notFound();
  let opened: Awaited<ReturnType<typeof openStoredUpload>>;
  try {
    opened = await openStoredUpload(attachment.storageKey);
  } catch (error) {
    // The store is down or misconfigured: say so (the session may see this file), log no details.
    console.error("upload store read failed", { attachmentId, error: error instanceof Error ? error.name : "unknown" });
    return new Response("Service unavailable", { status: 503, headers: { "Retry-After": "60" } });
  }
  if (!opened) return notFound();
  // Recorded once the file is there to be sent: a refused or missing file is no download.
  await recordDownload(user.id, { id: attachment.id, ticketId: attachment.message.ticketId });
  return new Response(opened.body, {
    headers: {
      "Content-Type": attachment.mimeType,
      "Content-Length": String(opened.size),
      // Always a download, never rendered inline in our origin.
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
