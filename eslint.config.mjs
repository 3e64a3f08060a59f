import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// eslint-plugin-react-hooks' rules that run the React Compiler's analysis.
const REACT_COMPILER_RULES = [
  "static-components", "use-memo", "preserve-manual-memoization", "incompatible-library", "immutability", "globals", "refs",
  "set-state-in-effect", "error-boundaries", "purity", "set-state-in-render", "unsupported-syntax", "config", "gating",
];

// Dates and times are formatted in British English for English readers (lib/i18n/intl-locale.ts):
// through our getFormatter and useFormatter, never next-intl's own.
const FORMATTER_PATHS = [
  { name: "next-intl/server", importNames: ["getFormatter"], message: "import { getFormatter } from \"@/lib/i18n/formatter\" (British English dates; see lib/i18n/intl-locale.ts)" },
  { name: "next-intl", importNames: ["useFormatter"], message: "import { useFormatter } from \"@/lib/i18n/use-formatter\" (British English dates; see lib/i18n/intl-locale.ts)" },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next*/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
  {
    // The React Compiler's rules look for components and hooks, and only app/ and components/ have
    // any: elsewhere they found nothing and were two thirds of the lint's time (TIMING=1 npx eslint).
    // rules-of-hooks stays on everywhere.
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["app/**", "components/**"],
    rules: Object.fromEntries(REACT_COMPILER_RULES.map((rule) => [`react-hooks/${rule}`, "off"])),
  },
  {
    rules: {
      // lib never imports from app or components (CONVENTIONS: imports go one way).
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*"], message: "lib must not import from app or components" }], paths: FORMATTER_PATHS }],
    },
    files: ["lib/**/*.ts"],
    ignores: ["lib/i18n/**"],
  },
  {
    // Links go through components/ui/link.tsx, which does not prefetch (why: see that file).
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "import Link from \"@/components/ui/link\" (no prefetching; see that file)" }, ...FORMATTER_PATHS] }],
    },
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["components/ui/link.tsx"],
  },
  {
    // Integration files share their worker's modules (vitest.config.ts, isolate: false): a module
    // mock would leak into the files after it, or miss a module an earlier file loaded.
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock|unmock|doUnmock|resetModules)$/]",
          message: "integration tests share modules between files: no module mocks (pass the collaborator in instead)",
        },
      ],
    },
    files: ["tests/integration/**/*.ts"],
  },
  {
    // Unit files share their worker's modules too, except *.isolated.test.ts (vitest.config.ts).
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock|unmock|doUnmock|resetModules|stubEnv|stubGlobal)$/]",
          message: "unit files share modules between files: mock or stub only in a *.isolated.test.ts file",
        },
        {
          selector: "AssignmentExpression > MemberExpression.left[object.object.name='process'][object.property.name='env']",
          message: "unit files share the process between files: change process.env only in a *.isolated.test.ts file",
        },
      ],
    },
    files: ["tests/unit/**/*.ts"],
    ignores: ["tests/unit/**/*.isolated.test.ts"],
  },
];

export default config;
