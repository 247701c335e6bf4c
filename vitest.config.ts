import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/database.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file gets its own database (see tests/helpers/database.ts); files still run one at a time so that
          // process-spawning tests do not starve each other on two cores.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // A browser on a loaded two-core machine can take seconds to hydrate: expect.poll's 1 s default made
          // assertions on client-rendered content fail under load (seen in CI), not for any defect.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          globalSetup: ["tests/setup/app.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
