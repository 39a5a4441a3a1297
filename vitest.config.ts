import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; under test, server modules are just modules.
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,components,content,scripts,test}/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
        },
      },
      {
        // Real things that take a while to start: grader processes with their isolates, a real SQLite database.
        extends: true,
        test: {
          name: "integration",
          include: ["{lib,scripts,test}/**/*.integration.test.ts"],
          globalSetup: ["test/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file starts its own graders or database; one file at a time keeps two cores from thrashing.
          fileParallelism: false,
        },
      },
    ],
  },
});
