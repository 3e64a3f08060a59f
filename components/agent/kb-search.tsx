"use client";
import { useState } from "react";

interface Article {
  id: string;
  question: string;
  answer: string;
}

export interface KbSearchLabels {
  search: string;
  find: string;
  none: string;
  insert: string;
}

/**
 * Find a knowledge-base answer and put it into what the agent is writing (a reply, a chat
 * message). Enter searches, so the search never submits the form it sits next to.
 */
export function KbSearch({ inputId, labels, onInsert }: { inputId: string; labels: KbSearchLabels; onInsert: (answer: string) => void }) {
  const [query, setQuery] = useState("");
  const [articles, setArticles] = useState<Article[] | null>(null);

  async function search() {
    const response = await fetch(`/api/agent/kb?q=${encodeURIComponent(query)}`).catch(() => null);
    if (!response?.ok) return setArticles([]);
    setArticles(((await response.json()) as { items: Article[] }).items);
  }

  return (
    <div className="mt-4 border-t border-slate-200 pt-3">
      <label htmlFor={inputId} className="text-sm font-medium">
        {labels.search}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={inputId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void search();
            }
          }}
          className="block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm"
        />
        <button type="button" onClick={() => void search()} className="rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50">
          {labels.find}
        </button>
      </div>
      {articles ? (
        articles.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{labels.none}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {articles.map((a) => (
              <li key={a.id} className="rounded border border-slate-200 p-2 text-sm">
                <p className="font-medium">{a.question}</p>
                <p className="line-clamp-2 text-slate-700">{a.answer}</p>
                <button type="button" onClick={() => onInsert(a.answer)} className="mt-1 text-sm font-medium text-brand-700 underline">
                  {labels.insert}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
