import { getSessionUser } from "@/lib/auth/session";
import { downloadResponse } from "@/lib/uploads/download";

export const dynamic = "force-dynamic";

/** Downloads one attachment; lib/uploads/download.ts decides who may see it and streams it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { id } = await params;
  return downloadResponse(user, id);
}
