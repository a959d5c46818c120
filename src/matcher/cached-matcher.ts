import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildCacheDir } from "../core/build-cache.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { createMatcher } from "./create-matcher.ts";
import { fileModelCache } from "./file-model-cache.ts";
import { fileScorerCache } from "./file-scorer-cache.ts";
import type { Matcher, MatcherOptions } from "./match-result.ts";

/** The matcher's own modules: their bytes are part of a scorer snapshot's file name. */
const matcherCodeDir = path.dirname(fileURLToPath(import.meta.url));

/** A damaged cache file is worth a line on stderr, not a failed start; a server passes its logger instead. */
const emitCacheWarning = (message: string) => process.emitWarning(message, { code: "CPBOT_CACHE" });

/**
 * The matcher a running bot uses: createMatcher with its trained weights and the rest of its scorer
 * (fitted vectoriser, spelling vocabulary) kept in the build cache (compiled runs only), so a start with
 * unchanged playbooks and matcher code reads them instead of building them. Tools that build many trial
 * matchers (`cpbot suggest`) call createMatcher and leave no files behind.
 */
export function cachedMatcher(
  playbooks: readonly Playbook[],
  options: MatcherOptions = {},
  cacheDir: string | undefined = buildCacheDir,
  warn: (message: string) => void = emitCacheWarning,
): Matcher {
  if (!cacheDir) return createMatcher(playbooks, options);
  return createMatcher(playbooks, {
    ...options,
    modelCache: fileModelCache(cacheDir),
    scorerCache: fileScorerCache(cacheDir, matcherCodeDir, warn),
  });
}
