import { getSessionUser } from "@/lib/auth/session";
import { findDownloadableAttachment } from "@/lib/uploads/queries";
import { readStoredUpload } from "@/lib/uploads/storage";

export const dynamic = "force-dynamic";

/** Downloads one attachment; 404 for anything the session may not see, so ids reveal nothing. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { id } = await params;
  const attachment = await findDownloadableAttachment(user, id);
  if (!attachment) return new Response("Not found", { status: 404 });
  const bytes = await readStoredUpload(attachment.storageKey).catch(() => null);
  if (!bytes) return new Response("Not found", { status: 404 });
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": attachment.mimeType,
      "Content-Length": String(bytes.length),
      // Always a download, never rendered inline in our origin.
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
