import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import type { KbArticleInput } from "./schema";

export class KbRuleError extends Error {
  constructor(readonly code: "NOT_FOUND") {
    super(code);
    this.name = "KbRuleError";
  }
}

// Text is stored as typed: pages render it as text (React escapes it), so a <script> stays text.
export async function createArticle(tx: Tx, input: KbArticleInput & { authorId: string }, now: Date): Promise<{ id: string }> {
  const article = await tx.kbArticle.create({
    data: { ...input, createdAt: now, updatedAt: now },
    select: { id: true },
  });
  await audit(tx, { actorId: input.authorId, action: "kb.create", entityType: "KbArticle", entityId: article.id, data: { published: input.published, audience: input.audience } });
  return article;
}

export async function updateArticle(tx: Tx, input: KbArticleInput & { id: string; actorId: string }, now: Date): Promise<void> {
  const { id, actorId, ...data } = input;
  const existing = await tx.kbArticle.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw new KbRuleError("NOT_FOUND");
  await tx.kbArticle.update({ where: { id }, data: { ...data, updatedAt: now } });
  await audit(tx, { actorId, action: "kb.update", entityType: "KbArticle", entityId: id, data: { published: data.published, audience: data.audience } });
}

export async function setPublished(tx: Tx, input: { id: string; published: boolean; actorId: string }, now: Date): Promise<void> {
  const existing = await tx.kbArticle.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!existing) throw new KbRuleError("NOT_FOUND");
  await tx.kbArticle.update({ where: { id: input.id }, data: { published: input.published, updatedAt: now } });
  await audit(tx, { actorId: input.actorId, action: input.published ? "kb.publish" : "kb.unpublish", entityType: "KbArticle", entityId: input.id });
}
