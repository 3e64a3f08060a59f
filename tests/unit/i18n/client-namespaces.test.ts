import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogue, clientNamespaces, namespacesOf, pageFiles, renderModule, stringLiterals, type Slices } from "@/scripts/client-namespaces";
import { pickMessages } from "@/lib/i18n/pick-messages";

const repo = path.resolve(import.meta.dirname, "../../..");

// Walking every page's imports reads the whole tree: once for the tests below, with room for a
// busy machine (npm test runs lint and types beside these).
let walked: Slices | undefined;
const slicesOfRepo = () => (walked ??= clientNamespaces(repo));
const WALK_TIMEOUT_MS = 60_000;

describe("the client message slices", () => {
  it("are up to date with the components (else run `npm run i18n:namespaces`)", () => {
    const committed = readFileSync(path.join(repo, "i18n", "client-namespaces.ts"), "utf8");
    expect(committed).toBe(renderModule(slicesOfRepo()));
  }, WALK_TIMEOUT_MS);

  it("send each place's frame and each page a fraction of the catalogue", () => {
    const all = catalogue(repo);
    const size = (m: object) => JSON.stringify(m).length;
    const { places, pages } = slicesOfRepo();
    for (const place of Object.values(places)) expect(size(pickMessages(all, place))).toBeLessThan(2_000);
    // The queue, the busiest page, carries its own few texts, not every workspace form's.
    expect(size(pickMessages(all, pages["app/(agent)/agent"] ?? []))).toBeLessThan(3_000);
    for (const [page, paths] of Object.entries(pages)) {
      expect(size(pickMessages(all, paths)), page).toBeLessThan(size(all) / 4);
      if (!page.startsWith("app/(agent)")) expect(paths.some((p) => p.startsWith("agent")), page).toBe(false);
    }
    expect(pages["app/(agent)/agent/tickets/[id]"]).toContain("agentTicket");
    expect(pages["app/(agent)/agent/tickets/[id]"]).not.toContain("portaal");
  }, WALK_TIMEOUT_MS);

  it("are handed over by every page, under its own key", () => {
    const wrong = [...pageFiles(repo)].filter(
      ([key, file]) => !readFileSync(path.join(repo, file), "utf8").includes(`export default withPageMessages(${JSON.stringify(key)}, `),
    );
    expect(wrong).toEqual([]);
    expect(pageFiles(repo).size).toBeGreaterThan(60);
  });
});

describe("stringLiterals", () => {
  it("reads quoted strings and the static parts of templates, not comments; an apostrophe in text ends at the line", () => {
    const source = [
      `const a = "x.y"; // "in.comment"`,
      `/* 'block.comment' */ const b = 'single';`,
      "const c = `staffStatus.${s}.tail`;",
      `<p>don't</p>`,
      `"next.line"`,
      `const d = "esc\\"aped";`,
    ].join("\n");
    expect(stringLiterals(source)).toEqual(["x.y", "single", "staffStatus.", ".tail", "next.line", 'esc"aped']);
  });
});

describe("namespacesOf", () => {
  function tree(files: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), "loket-ns-"));
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), body);
    }
    return root;
  }
  const messages = {
    alpha: { one: "1" },
    beta: { one: "1", two: "2" },
    gamma: { A: "a" },
    delta: { sub: { x: "x" }, other: "o" },
    epsilon: { e: "e" },
    zeta: { z: "z" },
  };

  it("follows imports into client code and finds hooks, props, dotted keys and template heads", () => {
    const root = tree({
      "app/(p)/page.tsx": `import { Form } from "@/components/form";\nimport { helper } from "../../lib/helper";\nexport default function P() { return <Form label="epsilon" />; }`,
      "components/form.tsx": `"use client";\nimport { useTranslations } from "next-intl";\nimport { Field } from "./field";\nexport function Form() { const t = useTranslations("alpha"); const u = useTranslations(); return <>{u("beta.one")}{u(\`gamma.\${k}\`)}<Field /></>; }`,
      "components/field.tsx": `import { FieldErrors } from "./errors";\nexport const Field = () => <FieldErrors namespace="delta.sub" />;\nconst unused = "zeta";`,
      "lib/helper.ts": `export const helper = "zeta.z";`,
    });
    // "epsilon" is only a server-side prop value and "zeta.z" a server-side string: neither reaches the browser.
    // "zeta" in client code is a bare literal, not a namespace handed to a hook: left out.
    expect(namespacesOf(root, ["app/(p)/page.tsx"], messages)).toEqual(["alpha", "beta.one", "delta.sub", "gamma"]);
  });

  it("walks a folder's frame files (layout, error, loading), not its pages", () => {
    const root = tree({
      "app/(p)/layout.tsx": `"use client";\nconst t = useTranslations("alpha");`,
      "app/(p)/sub/error.tsx": `"use client";\nconst t = useTranslations("gamma");`,
      "app/(p)/sub/page.tsx": `"use client";\nconst t = useTranslations("beta");`,
    });
    expect(namespacesOf(root, ["app/(p)"], messages)).toEqual(["alpha", "gamma"]);
    expect([...pageFiles(root)]).toEqual([["app/(p)/sub", "app/(p)/sub/page.tsx"]]);
  });

  it("keeps a whole namespace and drops the paths inside it, and ignores keys the catalogue lacks", () => {
    const root = tree({
      "app/(p)/page.tsx": `"use client";\nconst t = useErrorText("beta");\nconst a = "beta.two"; const b = "alpha.missing"; const c = "noSuch.thing";`,
    });
    expect(namespacesOf(root, ["app/(p)/page.tsx"], messages)).toEqual(["beta"]);
  });
});

describe("pickMessages", () => {
  it("copies only the given paths, nested as in the catalogue", () => {
    const all = { a: { b: { c: "1", d: "2" }, e: "3" }, f: "4", g: { h: "5" } };
    expect(pickMessages(all, ["a.b.c", "f", "nope.x"])).toEqual({ a: { b: { c: "1" } }, f: "4" });
  });
});
