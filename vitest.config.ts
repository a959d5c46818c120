import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    pool: "forks",
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup-nock.ts"],
    // PostgreSQL for the store contract and end-to-end tests: TEST_DATABASE_URL or a throwaway cluster.
    globalSetup: ["test/pg/global-setup.ts"],
    restoreMocks: true,
    unstubGlobals: true,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
