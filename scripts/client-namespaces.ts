// Which message namespaces each place's frame and each page's client components can ask for, so a
// page sends the browser those and not the whole catalogue (it was 57 KB of every page's HTML, the
// login page included; then each workspace page still carried every workspace form's texts, 102 KB,
// whose serialisation was a third of the server's time on the queue page). A place's layout gets the
// slice of its frame (layouts, error and loading files); each page.tsx hands its own client
// components theirs (withPageMessages). Found by walking the imports from those files: in client
// code (a "use client" file and everything it imports) every string literal whose first segment is
// a top-level namespace counts, which also catches namespaces handed over as props
// (`namespace="staff.form"`) and keys under `useTranslations()` ("tickets.status"). Counting a few
// too many costs bytes; missing one would show a raw key, so the walk errs on the side of more.
//
// `npm run i18n:namespaces` rewrites i18n/client-namespaces.ts; a unit test fails when it is stale.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// Files directly in app/ (root layout, error and no-access pages) render outside every place; a
// place's frame gets their namespaces too, as a boundary may show inside it.
const ROOT = ["app/layout.tsx", "app/error.tsx", "app/not-found.tsx", "app/forbidden.tsx"];
export const PLACES = {
  root: ROOT,
  auth: [...ROOT, "app/(auth)"],
  beneficiary: [...ROOT, "app/(beneficiary)"],
  employer: [...ROOT, "app/(employer)"],
  agent: [...ROOT, "app/(agent)"],
} as const;
export type Place = keyof typeof PLACES;

// The files Next renders around a page, inside its place's layout (not the page itself).
const FRAME_FILE = /^(layout|template|loading|error|not-found|forbidden|unauthorized|default)\.tsx$/;

const SOURCE = /\.(tsx?|mts)$/;
const IMPORT = /(?:import|export)\s[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;
const NAMESPACE_PROP = /namespace\s*[=:]\s*["']([\w.]+)["']/g;
const HOOK_NAMESPACE = /\buse[A-Z]\w*\(\s*["'](\w+)["']/g;
const PATHLIKE = /^[A-Za-z]\w*(?:\.\w+)*\.?$/;

/** An entry's file, or a folder's frame files (see FRAME_FILE), at any depth. */
function filesUnder(root: string, entry: string, keep: RegExp = FRAME_FILE): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(root, path.join(entry, d.name), keep) : keep.test(d.name) ? [path.join(full, d.name)] : [],
  );
}

/** Every page of the app folder by its key, its folder ("app/(agent)/agent/tickets/[id]"). */
export function pageFiles(root: string): Map<string, string> {
  const pages = filesUnder(root, "app", /^page\.tsx$/);
  return new Map(pages.sort().map((f) => [path.relative(root, path.dirname(f)).split(path.sep).join("/"), path.relative(root, f)]));
}

function resolveImport(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && SOURCE.test(candidate)) return candidate;
  }
  return null;
}

/**
 * The string literals of a source file, and of a template literal each static part before a
 * `${` (so `staffStatus.${s}` counts as "staffStatus."). Comments are skipped; a quote left open
 * at the end of a line (an apostrophe in JSX text) ends there.
 */
export function stringLiterals(source: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === "/" && source[i + 1] === "/") {
      i = source.indexOf("\n", i);
      if (i < 0) break;
    } else if (c === "/" && source[i + 1] === "*") {
      i = source.indexOf("*/", i + 2);
      if (i < 0) break;
      i += 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let value = "";
      while (j < n && source[j] !== c && source[j] !== "\n") {
        if (source[j] === "\\") j++;
        value += source[j++];
      }
      if (source[j] === c) out.push(value);
      i = j + 1;
    } else if (c === "`") {
      let j = i + 1;
      let part = "";
      while (j < n && source[j] !== "`") {
        if (source[j] === "\\") j += 2;
        else if (source[j] === "$" && source[j + 1] === "{") {
          out.push(part);
          part = "";
          let depth = 1;
          j += 2;
          while (j < n && depth > 0) {
            if (source[j] === "{") depth++;
            else if (source[j] === "}") depth--;
            j++;
          }
        } else part += source[j++];
      }
      out.push(part);
      i = j + 1;
    } else i++;
  }
  return out;
}

function isClientFile(source: string): boolean {
  return /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/.test(source);
}

type Catalogue = Record<string, unknown>;

/** The Dutch catalogue, all areas merged (the English one has the same keys). */
export function catalogue(root: string): Catalogue {
  const dir = path.join(root, "messages", "nl");
  return Object.assign({}, ...readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Catalogue));
}

function exists(messages: Catalogue, dotted: string): boolean {
  let node: unknown = messages;
  for (const part of dotted.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Catalogue)[part];
  }
  return true;
}

/** What the walk needs of one file, read and parsed once however many walks pass it. */
interface FileFacts {
  client: boolean;
  props: string[];
  hooks: string[];
  literals: string[];
  imports: string[];
}
export type FileCache = Map<string, FileFacts>;

function factsOf(root: string, file: string, cache: FileCache): FileFacts {
  let facts = cache.get(file);
  if (!facts) {
    const source = readFileSync(file, "utf8");
    facts = {
      client: isClientFile(source),
      props: [...source.matchAll(NAMESPACE_PROP)].map((m) => m[1] ?? ""),
      hooks: [...source.matchAll(HOOK_NAMESPACE)].map((m) => m[1] ?? ""),
      literals: stringLiterals(source),
      imports: [...source.matchAll(IMPORT)].flatMap((m) => resolveImport(root, file, m[1] ?? m[2] ?? m[3] ?? "") ?? []),
    };
    cache.set(file, facts);
  }
  return facts;
}

/**
 * The message paths the client code reachable from one place's files can use, sorted: a whole
 * namespace when it is handed to a hook (`useTranslations("agent")`, `useErrorText("agentTicket")`)
 * or a `namespace` prop, a subtree for a dotted literal ("werkgever.fieldErrors", "tickets.status",
 * `staffStatus.${s}`). A path inside another one listed is left out.
 */
export function namespacesOf(root: string, entries: readonly string[], messages: Catalogue, cache: FileCache = new Map()): string[] {
  const found = new Set<string>();
  const seen = new Map<string, boolean>(); // file -> visited in client context
  const queue: [string, boolean][] = entries.flatMap((entry) => filesUnder(root, entry).map((f): [string, boolean] => [f, false]));
  const add = (value: string, bareAllowed: boolean) => {
    if (!PATHLIKE.test(value)) return;
    const trimmed = value.replace(/\.$/, "");
    // A dotted literal that is no path of the catalogue is a key relative to some namespace.
    if ((value.includes(".") || bareAllowed) && exists(messages, trimmed)) found.add(trimmed);
  };
  while (queue.length) {
    const [file, inherited] = queue.pop()!;
    const facts = factsOf(root, file, cache);
    const client = inherited || facts.client;
    // A file seen as server code may still be imported by client code: then it is read again.
    if (seen.get(file) === true || (seen.has(file) && !client)) continue;
    seen.set(file, client);
    for (const value of facts.props) add(value, true);
    if (client) {
      for (const value of facts.hooks) add(value, true);
      for (const literal of facts.literals) add(literal, false);
    }
    for (const target of facts.imports) queue.push([target, client]);
  }
  const paths = [...found].sort();
  return paths.filter((p) => !paths.some((other) => p.startsWith(`${other}.`)));
}

export type Slices = { places: Record<Place, string[]>; pages: Record<string, string[]> };

export function clientNamespaces(root: string): Slices {
  const messages = catalogue(root);
  // The ~70 walks pass the same shared components again and again: each file is parsed once.
  const cache: FileCache = new Map();
  const places = Object.fromEntries(Object.entries(PLACES).map(([place, entries]) => [place, namespacesOf(root, entries, messages, cache)])) as Record<Place, string[]>;
  const pages = Object.fromEntries([...pageFiles(root)].map(([key, file]) => [key, namespacesOf(root, [file], messages, cache)]));
  return { places, pages };
}

export function renderModule({ places, pages }: Slices): string {
  const entries = (map: Record<string, string[]>) =>
    Object.entries(map)
      .map(([key, names]) => `  ${JSON.stringify(key)}: [${names.map((n) => JSON.stringify(n)).join(", ")}],`)
      .join("\n");
  return `// Generated by \`npm run i18n:namespaces\` (scripts/client-namespaces.ts); do not edit by hand.
// The message paths each place's frame and each page's client components use: only these reach the browser.
export const CLIENT_NAMESPACES = {
${entries(places)}
} as const;

export const PAGE_NAMESPACES = {
${entries(pages)}
} as const;
`;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const root = path.resolve(import.meta.dirname, "..");
  const target = path.join(root, "i18n", "client-namespaces.ts");
  writeFileSync(target, renderModule(clientNamespaces(root)));
  console.log(`Wrote ${path.relative(root, target)}`);
}
