import path from "node:path";
import { defineConfig } from "vitest/config";
import { integrationWorkers } from "./tests/support/workers";

// Unit tests run far from Amsterdam so a rule that forgets the business time zone fails.
process.env.TZ = "Pacific/Kiritimati";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        // A worker keeps its modules from one file to the next: the rules are pure, and loading them
        // afresh for each of the ~100 files was most of the stage (61 -> 17 CPU-s). A file that mocks a
        // module or changes the environment is named *.isolated.test.ts and gets a fresh worker
        // (the project below); ESLint keeps the others from doing either.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], exclude: ["tests/unit/**/*.isolated.test.ts"], environment: "node", isolate: false },
      },
      {
        extends: true,
        test: { name: "unit-isolated", include: ["tests/unit/**/*.isolated.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          // One database per worker (global-setup.ts): a worker's files run one after another on it.
          fileParallelism: true,
          maxWorkers: integrationWorkers(),
          // A worker keeps its modules from one file to the next: each file no longer loads the app,
          // Prisma's query compiler and the seed afresh (PostgreSQL, 105 files: 340 -> 190 s). The files
          // share no state but the database, which each resets (seedDemo); none mocks a module.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // Two `next start` and a worker on one PostgreSQL database (npm run test:instances); not
        // part of `npm test`: it needs the build and a PostgreSQL server (.ci/run runs it after both).
        test: {
          name: "instances",
          include: ["tests/instances/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
