import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the compiled bot keeps what it can compute once per playbook set: the validated playbooks and the
 * matcher's trained weights (dist/cache, filled by `npm run build` and topped up at run time). Only the
 * compiled copy has one: dist/ is deleted on every build, so nothing in it can outlive the code that
 * wrote it. Run from the TypeScript sources (tests, CPBOT_FROM_SOURCE=1) everything is built afresh.
 */
export const buildCacheDir: string | undefined = import.meta.url.endsWith(".js")
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "cache")
  : undefined;

/**
 * Where the compiled build keeps its one-file copies of packages that are many files in node_modules
 * (dist/vendor, written by `npm run build`); undefined from the TypeScript sources.
 */
export const buildVendorDir: string | undefined = buildCacheDir
  ? path.resolve(buildCacheDir, "..", "vendor")
  : undefined;
