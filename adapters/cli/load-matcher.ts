import path from "node:path";
import { defaultPlaybooksDir } from "../../src/core/paths.ts";
import { cachedMatcher } from "../../src/matcher/cached-matcher.ts";
import type { Matcher } from "../../src/matcher/match-result.ts";
import { loadPlaybooksCached } from "../../src/playbooks/load-playbooks-cached.ts";
import type { Playbook } from "../../src/playbooks/playbook-schema.ts";
import type { CliIO } from "./command.ts";

/**
 * Loads the playbooks and builds the matcher for `cpbot match` and `cpbot eval`. Broken playbook files
 * do not stop matching: they are skipped with a warning pointing at `cpbot lint`.
 */
export function loadMatcher(
  io: CliIO,
  command: string,
  dir?: string,
): { matcher: Matcher; playbooks: Playbook[]; skipped: string[] } | undefined {
  const playbooksDir = dir ? path.resolve(io.cwd, dir) : defaultPlaybooksDir;
  const { playbooks, problems } = loadPlaybooksCached(playbooksDir);
  const skipped = [...new Set(problems.map((p) => p.file))].sort();
  if (skipped.length > 0) {
    io.err(
      `cpbot ${command}: skipped ${skipped.length} playbook file(s) with problems (${skipped.join(", ")}); run \`cpbot lint\` to see them.`,
    );
  }
  if (playbooks.length === 0) {
    io.err(`cpbot ${command}: no valid playbooks in ${playbooksDir}.`);
    return undefined;
  }
  return { matcher: cachedMatcher(playbooks), playbooks, skipped };
}
