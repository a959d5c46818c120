import { buildCacheDir } from "../core/build-cache.ts";
import { defaultPlaybooksDir } from "../core/paths.ts";
import type { LintProblem } from "./lint-playbooks.ts";
import { loadPlaybooks } from "./load-playbooks.ts";
import { PlaybookCache } from "./playbook-cache.ts";
import type { Playbook } from "./playbook-schema.ts";

/**
 * loadPlaybooks, answered from the build cache when the folder's files are unchanged since a clean load
 * (see PlaybookCache); `cacheDir` undefined (running from source) always loads in full.
 */
export function loadPlaybooksCached(
  dir: string = defaultPlaybooksDir,
  cacheDir: string | undefined = buildCacheDir,
): { playbooks: Playbook[]; problems: LintProblem[] } {
  const cache = cacheDir ? new PlaybookCache(cacheDir) : undefined;
  const key = cache ? PlaybookCache.keyOf(dir) : undefined;
  const hit = key ? cache?.load(key) : undefined;
  if (hit) return { playbooks: hit, problems: [] };
  const loaded = loadPlaybooks(dir);
  if (key && loaded.problems.length === 0) cache?.save(key, loaded.playbooks);
  return loaded;
}
