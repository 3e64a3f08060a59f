// The refusal codes the login steps send back through next-auth (an Error's message becomes
// `error`). A rate limit carries its wait: "RATE_LIMITED:<minutes>".
export interface Refusal {
  key: string;
  minutes?: number;
}

export function refusalOf(code: string | null | undefined, known: ReadonlySet<string>): Refusal {
  const limited = /^RATE_LIMITED:(\d{1,4})$/.exec(code ?? "");
  if (limited) return { key: "RATE_LIMITED", minutes: Number(limited[1]) };
  return { key: code && known.has(code) ? code : "GENERIC" };
}
