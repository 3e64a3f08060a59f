import "server-only";
import type { KbAudience, KbKind, Prisma } from "@prisma/client";
import type { DbClient } from "@/lib/settings/queries";
import { rankArticles, searchWords } from "./rules";

export interface PublicArticle {
  id: string;
  question: string;
  answer: string;
  tags: string[];
}

const publicSelect = { id: true, question: true, answer: true, tags: true } satisfies Prisma.KbArticleSelect;

function wordFilter(words: readonly string[]): Prisma.KbArticleWhereInput {
  return {
    OR: words.flatMap((word) => [
      { question: { contains: word, mode: "insensitive" as const } },
      { answer: { contains: word, mode: "insensitive" as const } },
      { tags: { has: word } },
    ]),
  };
}

/**
 * Published PUBLIC articles matching words of the query, best match first. The portals show
 * these before a message is sent, so only public, published content can ever come out.
 */
export async function searchPublicArticles(
  client: DbClient,
  query: string,
  locale: "nl" | "en",
  limit = 5,
): Promise<PublicArticle[]> {
  const words = searchWords(query);
  if (words.length === 0) return [];
  const rows = await client.kbArticle.findMany({
    where: { audience: "PUBLIC", published: true, locale, ...wordFilter(words) },
    select: publicSelect,
    take: 200,
  });
  return rankArticles(rows, words).slice(0, Math.max(0, limit));
}

/** Every published PUBLIC article of a locale, as the portals' FAQ. */
export function listPublicFaq(client: DbClient, locale: "nl" | "en"): Promise<PublicArticle[]> {
  return client.kbArticle.findMany({
    where: { audience: "PUBLIC", published: true, locale },
    select: publicSelect,
    orderBy: { question: "asc" },
  });
}

const staffSelect = {
  id: true,
  kind: true,
  audience: true,
  locale: true,
  question: true,
  answer: true,
  tags: true,
  published: true,
  updatedAt: true,
  author: { select: { name: true } },
} satisfies Prisma.KbArticleSelect;

export type StaffArticle = Prisma.KbArticleGetPayload<{ select: typeof staffSelect }>;

export const KB_PAGE_SIZE = 20;

export interface StaffSearch {
  query?: string;
  kind?: KbKind;
  audience?: KbAudience;
  page?: number;
  /** Drafts are for the people who may edit them. */
  includeDrafts: boolean;
}

/** Articles and call scripts for staff; internal ones included, drafts only for managers. */
export async function searchStaffArticles(client: DbClient, search: StaffSearch): Promise<{ items: StaffArticle[]; total: number }> {
  const where: Prisma.KbArticleWhereInput = {};
  if (!search.includeDrafts) where.published = true;
  if (search.kind) where.kind = search.kind;
  if (search.audience) where.audience = search.audience;
  const words = searchWords(search.query ?? "");
  const page = Math.max(0, search.page ?? 0);
  if (words.length > 0) {
    const rows = await client.kbArticle.findMany({ where: { ...where, ...wordFilter(words) }, select: staffSelect, take: 500 });
    const ranked = rankArticles(rows, words);
    return { items: ranked.slice(page * KB_PAGE_SIZE, (page + 1) * KB_PAGE_SIZE), total: ranked.length };
  }
  const [items, total] = await Promise.all([
    client.kbArticle.findMany({
      where,
      select: staffSelect,
      orderBy: [{ kind: "asc" }, { question: "asc" }],
      take: KB_PAGE_SIZE,
      skip: page * KB_PAGE_SIZE,
    }),
    client.kbArticle.count({ where }),
  ]);
  return { items, total };
}

export function getStaffArticle(client: DbClient, id: string, includeDrafts: boolean): Promise<StaffArticle | null> {
  return client.kbArticle.findFirst({ where: { id, ...(includeDrafts ? {} : { published: true }) }, select: staffSelect });
}
