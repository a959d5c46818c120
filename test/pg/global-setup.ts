import type { TestProject } from "vitest/node";
import { debianPostgresBin, startThrowawayCluster } from "./throwaway-cluster.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PostgreSQL server for the tests (TEST_DATABASE_URL, or a throwaway cluster); "" when there is none. */
    pgUrl: string;
  }
}

/**
 * TEST_DATABASE_URL (CI sets it, see .ci/postgres.sh) wins; otherwise, when Debian's PostgreSQL binaries
 * are installed, a throwaway cluster runs for the length of the test run. Without either, the PostgreSQL
 * tests report themselves skipped and everything else runs.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.TEST_DATABASE_URL?.trim();
  if (given) {
    project.provide("pgUrl", given);
    return () => {};
  }
  const bin = debianPostgresBin();
  if (!bin) {
    project.provide("pgUrl", "");
    return () => {};
  }
  const cluster = await startThrowawayCluster(bin);
  project.provide("pgUrl", cluster.url);
  return () => cluster.stop();
}
