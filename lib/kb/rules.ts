// Pure knowledge-base rules: who may manage articles, how a query becomes search words, ranking.
import type { Role } from "@prisma/client";
import { can } from "@/lib/auth/permissions";

export function mayManageKb(role: Role): boolean {
  return can({ role }, "kb.article.manage");
}

// Short Dutch and English function words carry no meaning for matching.
const STOP_WORDS = new Set([
  "de", "het", "een", "en", "of", "van", "in", "op", "te", "ik", "mijn", "is", "wat", "hoe", "wanneer", "waar", "wordt",
  "the", "a", "an", "and", "or", "of", "to", "my", "is", "what", "how", "when", "where", "do", "i", "can", "ben", "kan",
  "voor", "met", "aan", "bij", "die", "dat", "er", "niet", "for", "with", "on", "at",
]);

/** The distinct words of a query worth matching on (lower-cased, at most 8). */
export function searchWords(query: string): string[] {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ""))
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
  return [...new Set(words)].slice(0, 8);
}

/** How well an article matches: words in the question and tags weigh more than in the answer. */
export function matchScore(article: { question: string; answer: string; tags: readonly string[] }, words: readonly string[]): number {
  const question = article.question.toLowerCase();
  const answer = article.answer.toLowerCase();
  let score = 0;
  for (const word of words) {
    if (question.includes(word)) score += 3;
    if (article.tags.some((t) => t.includes(word))) score += 2;
    if (answer.includes(word)) score += 1;
  }
  return score;
}

/** Highest score first; ties by question so the order is stable. */
export function rankArticles<T extends { question: string; answer: string; tags: readonly string[] }>(
  articles: readonly T[],
  words: readonly string[],
): T[] {
  return articles
    .map((article) => ({ article, score: matchScore(article, words) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.article.question.localeCompare(b.article.question))
    .map((r) => r.article);
}
