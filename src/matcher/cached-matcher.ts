import { buildCacheDir } from "../core/build-cache.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { createMatcher } from "./create-matcher.ts";
import { fileModelCache } from "./file-model-cache.ts";
import type { Matcher, MatcherOptions } from "./match-result.ts";

/**
 * The matcher a running bot uses: createMatcher with its trained weights kept in the build cache
 * (compiled runs only), so a start with unchanged playbooks reads the model instead of training it.
 * Tools that build many trial matchers (`cpbot suggest`) call createMatcher and leave no files behind.
 */
export function cachedMatcher(
  playbooks: readonly Playbook[],
  options: MatcherOptions = {},
  cacheDir: string | undefined = buildCacheDir,
): Matcher {
  return createMatcher(playbooks, cacheDir ? { ...options, modelCache: fileModelCache(cacheDir) } : options);
}
