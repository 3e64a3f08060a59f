import { NextResponse, type NextRequest } from "next/server";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { searchStaffArticles } from "@/lib/kb/queries";

export const dynamic = "force-dynamic";

/** Published articles and scripts for the "insert answer" search on a ticket. */
export async function GET(request: NextRequest) {
  const user = await getSessionUser();
  if (!user || !can(user, "kb.read")) return NextResponse.json({ error: "FORBIDDEN" }, { status: 403 });
  const q = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 200);
  const { items } = await searchStaffArticles(db, { query: q, includeDrafts: false });
  return NextResponse.json({ items: items.slice(0, 8).map((a) => ({ id: a.id, question: a.question, answer: a.answer, kind: a.kind })) });
}
