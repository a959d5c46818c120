import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultPlaybooksDir } from "../../src/core/paths.ts";
import { createMatcher } from "../../src/matcher/create-matcher.ts";
import { type EvalCase, parseEvalCases } from "../../src/matcher/eval-cases.ts";
import type { Matcher } from "../../src/matcher/match-result.ts";
import { loadPlaybooks } from "../../src/playbooks/load-playbooks.ts";
import type { Playbook } from "../../src/playbooks/playbook-schema.ts";

export const evalFile = fileURLToPath(new URL("../eval/queries.jsonl", import.meta.url));

let cached: { playbooks: Playbook[]; matcher: Matcher } | undefined;

/** The real playbooks and a matcher built from them, once per test file (building trains the scorer). */
export function realMatcher(): { playbooks: Playbook[]; matcher: Matcher } {
  if (!cached) {
    const { playbooks, problems } = loadPlaybooks(defaultPlaybooksDir);
    if (problems.length > 0) throw new Error(`playbooks/ has problems: ${JSON.stringify(problems, null, 2)}`);
    cached = { playbooks, matcher: createMatcher(playbooks) };
  }
  return cached;
}

export function evalCases(file = evalFile): EvalCase[] {
  const { cases, problems } = parseEvalCases(readFileSync(file, "utf8"), realMatcher().matcher.playbooks);
  if (problems.length > 0) throw new Error(`${file}: ${JSON.stringify(problems)}`);
  return cases;
}
